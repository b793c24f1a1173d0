using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.Property(x => x.Token).HasMaxLength(12);
        b.Property(x => x.TypeKey).HasMaxLength(TicketType.MaxKeyLength);
        b.Property(x => x.Subject).HasMaxLength(Ticket.MaxSubjectLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Category).HasMaxLength(Ticket.MaxCategoryLength);
        b.Property(x => x.Tags).HasMaxLength(Ticket.MaxTagsLength);
        b.Property(x => x.CustomerTier).HasMaxLength(50);
        b.Property(x => x.ContactName).HasMaxLength(Ticket.MaxContactLength);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.Property(x => x.ContactEmail).HasMaxLength(Ticket.MaxContactLength);
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.SearchText).HasMaxLength(Ticket.MaxSearchTextLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.FieldValues);
        b.Ignore(x => x.Reference);
        b.Ignore(x => x.SubjectToken);
        b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Status, x.UpdatedAt });
        b.HasIndex(x => new { x.TenantId, x.AssigneeUserId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
        b.HasIndex(x => new { x.TenantId, x.ContactPhone });
        b.HasIndex(x => new { x.TenantId, x.ContactEmail });
    }
}

internal sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> b)
    {
        b.ToTable("ticket_types");
        b.Property(x => x.Key).HasMaxLength(TicketType.MaxKeyLength);
        b.Property(x => x.Name).HasMaxLength(TicketType.MaxNameLength);
        b.Property(x => x.NameZh).HasMaxLength(TicketType.MaxNameLength);
        b.Ignore(x => x.Fields);
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
    }
}

internal sealed class TicketEntryConfiguration : IEntityTypeConfiguration<TicketEntry>
{
    public void Configure(EntityTypeBuilder<TicketEntry> b)
    {
        b.ToTable("ticket_entries");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Body).HasMaxLength(TicketEntry.MaxBodyLength);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.MessageId).HasMaxLength(400);
        b.HasIndex(x => new { x.TenantId, x.TicketId, x.CreatedAt });
        b.HasIndex(x => new { x.TenantId, x.MessageId });
    }
}

internal sealed class TicketChangeConfiguration : IEntityTypeConfiguration<TicketChange>
{
    public void Configure(EntityTypeBuilder<TicketChange> b)
    {
        b.ToTable("ticket_changes");
        b.Property(x => x.Field).HasMaxLength(40);
        b.Property(x => x.OldValue).HasMaxLength(TicketChange.MaxValueLength);
        b.Property(x => x.NewValue).HasMaxLength(TicketChange.MaxValueLength);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.TicketId, x.At });
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("ticket_attachments");
        b.Property(x => x.FileName).HasMaxLength(TicketAttachment.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.TicketId });
    }
}

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> b)
    {
        b.ToTable("ticket_counters");
        b.HasIndex(x => x.TenantId).IsUnique();
    }
}
