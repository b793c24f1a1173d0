using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>Business calendars, SLA policies and the clocks of tickets; routing rules and agents' availability.</summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206211000_SlaAndRouting")]
internal sealed class SlaAndRouting : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("sla_calendars"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            TimeZoneId = t.Column<string>(maxLength: 60, nullable: false),
            IsDefault = t.Column<bool>(nullable: false),
            HoursJson = t.Column<string>(nullable: false),
            HolidaysJson = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("sla_calendars"), x => x.Id));
        CreateIndex(migrationBuilder, "sla_calendars", ["TenantId", "Name"], unique: true);

        migrationBuilder.CreateTable(Table("sla_policies"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            TypeKey = t.Column<string>(maxLength: 40, nullable: true),
            Priority = t.Column<string>(maxLength: 10, nullable: true),
            CustomerTier = t.Column<string>(maxLength: 50, nullable: true),
            FirstResponseMinutes = t.Column<int>(nullable: true),
            NextUpdateMinutes = t.Column<int>(nullable: true),
            ResolutionMinutes = t.Column<int>(nullable: true),
            CalendarId = t.Column<Guid>(nullable: true),
            WarningPercent = t.Column<int>(nullable: false),
            ReassignOnBreach = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("sla_policies"), x => x.Id));
        CreateIndex(migrationBuilder, "sla_policies", ["TenantId"]);

        migrationBuilder.CreateTable(Table("sla_clocks"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            PolicyId = t.Column<Guid>(nullable: false),
            CalendarId = t.Column<Guid>(nullable: false),
            TargetMinutes = t.Column<int>(nullable: false),
            WarningPercent = t.Column<int>(nullable: false),
            State = t.Column<string>(maxLength: 10, nullable: false),
            RunningSince = t.Column<DateTime>(nullable: true),
            ElapsedMinutes = t.Column<int>(nullable: false),
            PausedSince = t.Column<DateTime>(nullable: true),
            PausedMinutes = t.Column<int>(nullable: false),
            DueAt = t.Column<DateTime>(nullable: true),
            WarnAt = t.Column<DateTime>(nullable: true),
            StoppedAt = t.Column<DateTime>(nullable: true),
            WarnedAt = t.Column<DateTime>(nullable: true),
            BreachedAt = t.Column<DateTime>(nullable: true),
            BreachNotifiedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("sla_clocks"), x => x.Id));
        CreateIndex(migrationBuilder, "sla_clocks", ["TenantId", "TicketId", "Kind"], unique: true);
        CreateIndex(migrationBuilder, "sla_clocks", ["TenantId", "State", "WarnAt"]);

        migrationBuilder.CreateTable(Table("routing_rules"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Order = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            Channel = t.Column<string>(maxLength: 10, nullable: true),
            TypeKey = t.Column<string>(maxLength: 40, nullable: true),
            CustomerTier = t.Column<string>(maxLength: 50, nullable: true),
            SubjectWords = t.Column<string>(maxLength: 400, nullable: false),
            TeamUnitId = t.Column<Guid>(nullable: true),
            Strategy = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("routing_rules"), x => x.Id));
        CreateIndex(migrationBuilder, "routing_rules", ["TenantId", "Order"]);

        migrationBuilder.CreateTable(Table("agent_availability"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            IsAvailable = t.Column<bool>(nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
            LastAssignedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("agent_availability"), x => x.Id));
        CreateIndex(migrationBuilder, "agent_availability", ["TenantId", "UserId"], unique: true);
    }
}
