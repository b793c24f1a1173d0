using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

[DbContext(typeof(KernelDbContext))]
[Migration("20261123000000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("tenants"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Status = t.Column<int>(nullable: false),
            IsHost = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("tenants"), x => x.Id));

        migrationBuilder.CreateTable(Table("tenant_host_names"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            HostName = t.Column<string>(maxLength: 253, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("tenant_host_names"), x => x.Id);
            t.ForeignKey("FK_" + Table("tenant_host_names") + "_tenants", x => x.TenantId, Table("tenants"), "Id", Schema, onDelete: ReferentialAction.Cascade);
        });
        CreateIndex(migrationBuilder, "tenant_host_names", ["HostName"], unique: true);
        CreateIndex(migrationBuilder, "tenant_host_names", ["TenantId"]);

        migrationBuilder.CreateTable(Table("tenant_modules"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            ModuleId = t.Column<string>(maxLength: 100, nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("tenant_modules"), x => new { x.TenantId, x.ModuleId }));

        migrationBuilder.CreateTable(Table("organization_units"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            ParentId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Code = t.Column<string>(maxLength: 50, nullable: false),
            Kind = t.Column<int>(nullable: false),
            Path = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("organization_units"), x => x.Id));
        CreateIndex(migrationBuilder, "organization_units", ["TenantId", "Code"], unique: true);

        migrationBuilder.CreateTable(Table("users"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            PasswordHash = t.Column<string>(nullable: false),
            OrganizationUnitId = t.Column<Guid>(nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
            LockoutEnd = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("users"), x => x.Id));
        CreateIndex(migrationBuilder, "users", ["TenantId", "UserName"], unique: true);

        migrationBuilder.CreateTable(Table("roles"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            DataScope = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("roles"), x => x.Id));
        CreateIndex(migrationBuilder, "roles", ["TenantId", "Name"], unique: true);

        migrationBuilder.CreateTable(Table("role_permissions"), schema: Schema, columns: t => new
        {
            RoleId = t.Column<Guid>(nullable: false),
            Permission = t.Column<string>(maxLength: 200, nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("role_permissions"), x => new { x.RoleId, x.Permission });
            t.ForeignKey("FK_" + Table("role_permissions") + "_roles", x => x.RoleId, Table("roles"), "Id", Schema, onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable(Table("user_roles"), schema: Schema, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            RoleId = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("user_roles"), x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_" + Table("user_roles") + "_users", x => x.UserId, Table("users"), "Id", Schema, onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable(Table("setting_values"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Scope = t.Column<int>(nullable: false),
            TenantId = t.Column<Guid>(nullable: true),
            UserId = t.Column<Guid>(nullable: true),
            Value = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("setting_values"), x => x.Id));
        CreateIndex(migrationBuilder, "setting_values", ["Name", "Scope", "TenantId", "UserId"], unique: true);

        migrationBuilder.CreateTable(Table("api_keys"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Prefix = t.Column<string>(maxLength: 20, nullable: false),
            KeyHash = t.Column<string>(nullable: false),
            Permissions = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("api_keys"), x => x.Id));
        CreateIndex(migrationBuilder, "api_keys", ["Prefix"], unique: true);

        migrationBuilder.CreateTable(Table("event_deliveries"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MessageId = t.Column<Guid>(nullable: false),
            SourceModule = t.Column<string>(maxLength: 100, nullable: false),
            TenantId = t.Column<Guid>(nullable: true),
            EventName = t.Column<string>(maxLength: 200, nullable: false),
            Handler = t.Column<string>(maxLength: 400, nullable: false),
            Status = t.Column<int>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            LastError = t.Column<string>(nullable: true),
            NextAttemptAt = t.Column<DateTime>(nullable: true),
            DeliveredAt = t.Column<DateTime>(nullable: true),
            LockedUntil = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("event_deliveries"), x => x.Id));
        CreateIndex(migrationBuilder, "event_deliveries", ["MessageId", "Handler"], unique: true);
        CreateIndex(migrationBuilder, "event_deliveries", ["Status", "NextAttemptAt"]);
    }
}
