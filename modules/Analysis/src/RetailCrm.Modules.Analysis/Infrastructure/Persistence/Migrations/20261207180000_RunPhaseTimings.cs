using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Modules.Analysis.Domain.Runs;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Analysis.Infrastructure.Persistence.Migrations;

/// <summary>How long each phase of a recompute took, so that an admin sees where a slow night went.</summary>
[DbContext(typeof(AnalysisDbContext))]
[Migration("20261207180000_RunPhaseTimings")]
internal sealed class RunPhaseTimings : CrmMigration
{
    protected override string ModuleId => AnalysisDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("PhaseTimings", Table("recompute_runs"), maxLength: RecomputeRunTimings.MaxLength, nullable: true, schema: Schema);
}
