using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Mail;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("mailboxes");
        b.Property(x => x.Name).HasMaxLength(Mailbox.MaxNameLength);
        b.Property(x => x.Host).HasMaxLength(Mailbox.MaxHostLength);
        b.Property(x => x.Security).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(Mailbox.MaxUserLength);
        b.Property(x => x.ProtectedPassword).HasMaxLength(2000);
        b.Property(x => x.Folder).HasMaxLength(Mailbox.MaxFolderLength);
        b.Property(x => x.Address).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(x => x.DefaultTypeKey).HasMaxLength(TicketType.MaxKeyLength);
        b.Property(x => x.LastError).HasMaxLength(Mailbox.MaxErrorLength);
        b.HasIndex(x => new { x.TenantId, x.Address }).IsUnique();
    }
}

internal sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> b)
    {
        b.ToTable("mail_dead_letters");
        b.Property(x => x.MessageId).HasMaxLength(DeadLetter.MaxHeaderLength);
        b.Property(x => x.From).HasMaxLength(DeadLetter.MaxHeaderLength);
        b.Property(x => x.Subject).HasMaxLength(DeadLetter.MaxHeaderLength);
        b.Property(x => x.Reason).HasMaxLength(DeadLetter.MaxReasonLength);
        b.HasIndex(x => new { x.TenantId, x.ReceivedAt });
        b.HasIndex(x => new { x.TenantId, x.MailboxId, x.Uid });
    }
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> b)
    {
        b.ToTable("mail_inbound");
        b.Property(x => x.MessageId).HasMaxLength(InboundMail.MaxMessageIdLength);
        b.HasIndex(x => new { x.TenantId, x.MessageId }).IsUnique();
    }
}
