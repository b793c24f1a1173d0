using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>The e-mail channel: IMAP mailboxes with how far they were read, mails taken in by Message-ID, and dead letters.</summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206213000_Mailboxes")]
internal sealed class Mailboxes : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("mailboxes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            Host = t.Column<string>(maxLength: 200, nullable: false),
            Port = t.Column<int>(nullable: false),
            Security = t.Column<string>(maxLength: 20, nullable: false),
            UserName = t.Column<string>(maxLength: 200, nullable: false),
            ProtectedPassword = t.Column<string>(maxLength: 2000, nullable: false),
            Folder = t.Column<string>(maxLength: 200, nullable: false),
            Address = t.Column<string>(maxLength: 200, nullable: false),
            DefaultTypeKey = t.Column<string>(maxLength: 40, nullable: false),
            IsFax = t.Column<bool>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            UidValidity = t.Column<long>(nullable: true),
            LastUid = t.Column<long>(nullable: false),
            LastPolledAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("mailboxes"), x => x.Id));
        CreateIndex(migrationBuilder, "mailboxes", ["TenantId", "Address"], unique: true);

        migrationBuilder.CreateTable(Table("mail_dead_letters"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            MailboxId = t.Column<Guid>(nullable: false),
            Uid = t.Column<long>(nullable: false),
            MessageId = t.Column<string>(maxLength: 400, nullable: true),
            From = t.Column<string>(maxLength: 400, nullable: true),
            Subject = t.Column<string>(maxLength: 400, nullable: true),
            Reason = t.Column<string>(maxLength: 2000, nullable: false),
            Raw = t.Column<byte[]>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            Retries = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("mail_dead_letters"), x => x.Id));
        CreateIndex(migrationBuilder, "mail_dead_letters", ["TenantId", "ReceivedAt"]);
        CreateIndex(migrationBuilder, "mail_dead_letters", ["TenantId", "MailboxId", "Uid"]);

        migrationBuilder.CreateTable(Table("mail_inbound"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            MessageId = t.Column<string>(maxLength: 400, nullable: false),
            MailboxId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("mail_inbound"), x => x.Id));
        CreateIndex(migrationBuilder, "mail_inbound", ["TenantId", "MessageId"], unique: true);
    }
}
