using Microsoft.EntityFrameworkCore;

namespace RetailCrm.Sdk.Data;

/// <summary>
/// Base of every module's DbContext. The module configures each entity in an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// class of its assembly, with bare table names (<c>ToTable("cards")</c>), and queries with <c>Set&lt;T&gt;()</c>; the
/// kernel, which registers the context (<see cref="Modularity.ModuleServiceContext.AddDbContext{TContext}"/>), applies
/// those configurations and adds the rest to every context alike: the
/// module's table prefix (SQLite) or schema (PostgreSQL), a filter that keeps every <see cref="MultiTenancy.ITenantOwned"/>
/// entity to the current tenant, and, in the same SaveChanges and transaction, the tenant stamp and guard, the
/// audit entries of every write and the outbox messages of the integration events published in the scope.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Configures what the module's <see cref="IEntityTypeConfiguration{TEntity}"/> classes do not (rarely needed).
    /// Call <c>ToTable("name")</c> with the bare name; the prefix or schema is added.
    /// </summary>
    protected virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureModel(modelBuilder);
}
