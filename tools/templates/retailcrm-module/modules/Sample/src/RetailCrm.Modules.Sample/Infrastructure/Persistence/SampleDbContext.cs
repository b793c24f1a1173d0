using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sample.Infrastructure.Persistence;

/// <summary>
/// The sample module's tables. The kernel applies the module's entity configurations (Configurations/) and puts the
/// tables under the module's table prefix (SQLite) or schema (PostgreSQL); code queries with <c>Set&lt;T&gt;()</c>.
/// </summary>
internal sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "sample";
}
