using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence;

/// <summary>
/// The sales module's tables. The kernel applies the module's entity configurations (Configurations/) and puts the
/// tables under the module's table prefix (SQLite) or schema (PostgreSQL); code queries with <c>Set&lt;T&gt;()</c>.
/// </summary>
internal sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "sales";
}
