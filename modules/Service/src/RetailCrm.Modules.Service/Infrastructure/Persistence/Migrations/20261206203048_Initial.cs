using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>
/// Tickets, their types, conversation, history, attachments and numbering. Written by hand once for SQLite and
/// PostgreSQL: names through <see cref="CrmMigration.Table"/> and <see cref="CrmMigration.Schema"/>, column types
/// left to the provider. A shipped migration never changes; a change of the model is a new migration with a later id.
/// </summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206203048_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("tickets"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Number = t.Column<long>(nullable: false),
            Token = t.Column<string>(maxLength: 12, nullable: false),
            TypeKey = t.Column<string>(maxLength: 40, nullable: false),
            Subject = t.Column<string>(maxLength: 200, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Priority = t.Column<string>(maxLength: 10, nullable: false),
            Channel = t.Column<string>(maxLength: 10, nullable: false),
            Category = t.Column<string>(maxLength: 80, nullable: true),
            Tags = t.Column<string>(maxLength: 400, nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            CustomerTier = t.Column<string>(maxLength: 50, nullable: true),
            ContactName = t.Column<string>(maxLength: 200, nullable: true),
            ContactPhone = t.Column<string>(maxLength: 40, nullable: true),
            ContactEmail = t.Column<string>(maxLength: 200, nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            AssigneeUserId = t.Column<Guid>(nullable: true),
            TeamUnitId = t.Column<Guid>(nullable: true),
            FieldValuesJson = t.Column<string>(nullable: false),
            OpenedAt = t.Column<DateTime>(nullable: false),
            OpenedByUserId = t.Column<Guid>(nullable: true),
            FirstResponseAt = t.Column<DateTime>(nullable: true),
            LastAgentReplyAt = t.Column<DateTime>(nullable: true),
            LastCustomerMessageAt = t.Column<DateTime>(nullable: true),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            MergedIntoId = t.Column<Guid>(nullable: true),
            FollowsUpId = t.Column<Guid>(nullable: true),
            SearchText = t.Column<string>(maxLength: 600, nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("tickets"), x => x.Id));
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "Number"], unique: true);
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "Status", "UpdatedAt"]);
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "AssigneeUserId", "Status"]);
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "CustomerId"]);
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "ContactPhone"]);

        migrationBuilder.CreateTable(Table("ticket_types"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            NameZh = t.Column<string>(maxLength: 80, nullable: false),
            Order = t.Column<int>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            FollowUpAfterDays = t.Column<int>(nullable: true),
            FieldsJson = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_types"), x => x.Id));
        CreateIndex(migrationBuilder, "ticket_types", ["TenantId", "Key"], unique: true);

        migrationBuilder.CreateTable(Table("ticket_entries"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Channel = t.Column<string>(maxLength: 10, nullable: false),
            Body = t.Column<string>(maxLength: 20000, nullable: false),
            AuthorUserId = t.Column<Guid>(nullable: true),
            AuthorName = t.Column<string>(maxLength: 200, nullable: false),
            MessageId = t.Column<string>(maxLength: 400, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_entries"), x => x.Id));
        CreateIndex(migrationBuilder, "ticket_entries", ["TenantId", "TicketId", "CreatedAt"]);
        CreateIndex(migrationBuilder, "ticket_entries", ["TenantId", "MessageId"]);

        migrationBuilder.CreateTable(Table("ticket_changes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            Field = t.Column<string>(maxLength: 40, nullable: false),
            OldValue = t.Column<string>(maxLength: 400, nullable: true),
            NewValue = t.Column<string>(maxLength: 400, nullable: true),
            UserId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: false),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_changes"), x => x.Id));
        CreateIndex(migrationBuilder, "ticket_changes", ["TenantId", "TicketId", "At"]);

        migrationBuilder.CreateTable(Table("ticket_attachments"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            EntryId = t.Column<Guid>(nullable: true),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UploadedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_attachments"), x => x.Id));
        CreateIndex(migrationBuilder, "ticket_attachments", ["TenantId", "TicketId"]);

        migrationBuilder.CreateTable(Table("ticket_counters"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Last = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_counters"), x => x.Id));
        CreateIndex(migrationBuilder, "ticket_counters", ["TenantId"], unique: true);
    }
}
