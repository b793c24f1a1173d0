using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Analysis.Infrastructure.Persistence;

/// <summary>
/// The analysis module's tables. The kernel applies the module's entity configurations (Configurations/) and puts the
/// tables under the module's table prefix (SQLite) or schema (PostgreSQL); code queries with <c>Set&lt;T&gt;()</c>.
/// </summary>
internal sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "analysis";
}
