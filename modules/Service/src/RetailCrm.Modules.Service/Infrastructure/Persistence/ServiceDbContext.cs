using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence;

/// <summary>
/// The service module's tables. The kernel applies the module's entity configurations (Configurations/) and puts the
/// tables under the module's table prefix (SQLite) or schema (PostgreSQL); code queries with <c>Set&lt;T&gt;()</c>.
/// </summary>
internal sealed class ServiceDbContext(DbContextOptions<ServiceDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "service";

    private static readonly string[] TrigramOperators = ["gin_trgm_ops"];

    /// <summary>PostgreSQL's trigram index over the tickets' search text (migration QueueIndexes); SQLite has none.</summary>
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        if (ModuleNaming.IsPostgres(Database.ProviderName))
        {
            modelBuilder.Entity<Ticket>().HasIndex(t => t.SearchText, "IX_tickets_SearchText")
                .HasAnnotation("Npgsql:IndexMethod", "gin")
                .HasAnnotation("Npgsql:IndexOperators", TrigramOperators);
        }
    }
}
