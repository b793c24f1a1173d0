using Microsoft.EntityFrameworkCore;

namespace RetailCrm.Sdk.Data;

/// <summary>
/// Base of every module's DbContext. The module configures its entities in <see cref="ConfigureModel"/> with bare
/// table names (<c>ToTable("cards")</c>); the kernel, which registers the context
/// (<see cref="Modularity.ModuleServiceContext.AddDbContext{TContext}"/>), adds the rest to every context alike: the
/// module's table prefix (SQLite) or schema (PostgreSQL), a filter that keeps every <see cref="MultiTenancy.ITenantOwned"/>
/// entity to the current tenant, and, in the same SaveChanges and transaction, the tenant stamp and guard, the
/// audit entries of every write and the outbox messages of the integration events published in the scope.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Configures the module's entities. Call <c>ToTable("name")</c> with the bare name; the prefix or schema is added.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureModel(modelBuilder);
}
