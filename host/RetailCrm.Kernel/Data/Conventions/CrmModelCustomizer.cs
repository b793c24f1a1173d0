using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>
/// What the kernel makes of every module's model: the module's entity configurations (every
/// <see cref="IEntityTypeConfiguration{TEntity}"/> of the context's assembly), the outbox and audit tables, the
/// module's table prefix (SQLite) or schema (PostgreSQL), and a query filter on every <see cref="ITenantOwned"/>
/// entity that keeps it to the current tenant.
/// </summary>
internal sealed class CrmModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(context.GetType().Assembly);
        base.Customize(modelBuilder, context);
        InfrastructureModel.Configure(modelBuilder);

        var naming = CrmContextOptionsExtension.NamingOf(context);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var table = entity.GetTableName() ?? entity.ClrType.Name;
            if (naming.UsesSchemas)
            {
                entity.SetSchema(naming.Schema);
                entity.SetTableName(table);
            }
            else
            {
                entity.SetTableName(naming.Prefix + table);
            }

            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                entity.SetQueryFilter(TenantFilter(entity.ClrType, context));
            }
        }
    }

    /// <summary>
    /// <c>e =&gt; e.TenantId == CurrentTenantOf(context)</c>. EF Core evaluates the part that depends on the context
    /// for every query, against the context that runs it, so one cached model serves every tenant.
    /// </summary>
    private static LambdaExpression TenantFilter(Type entityType, DbContext context)
    {
        var entity = Expression.Parameter(entityType, "e");
        var tenantOfRow = Expression.Property(entity, nameof(ITenantOwned.TenantId));
        var current = Expression.Call(typeof(CrmModelCustomizer), nameof(CurrentTenantOf), null, Expression.Constant(context));
        return Expression.Lambda(Expression.Equal(tenantOfRow, current), entity);
    }

    /// <summary>The tenant the filters compare with; <see cref="Guid.Empty"/> (no rows) outside a tenant.</summary>
    public static Guid CurrentTenantOf(DbContext context) => context.GetService<ICurrentTenant>().Id ?? Guid.Empty;
}
