using System.Linq.Expressions;

using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Kernel.Authorization;

/// <summary>Applies a <see cref="DataScopeFilter"/> to a query over rows that have an owner and a unit.</summary>
internal static class DataScopeQuery
{
    /// <summary>Keeps the rows the filter lets the user see: owned by the user (<paramref name="owner"/>) or in one of its units (<paramref name="unit"/>).</summary>
    public static IQueryable<T> Apply<T>(
        IQueryable<T> query,
        DataScopeFilter filter,
        Expression<Func<T, Guid?>> owner,
        Expression<Func<T, Guid?>> unit)
    {
        switch (filter.Scope)
        {
            case DataScope.All:
                return query;
            case DataScope.Own:
                var userId = filter.UserId;
                return query.Where(Compose(owner, id => id == userId));
            default:
                var unitIds = filter.UnitIds.Select(id => (Guid?)id).ToList();
                return query.Where(Compose(unit, id => unitIds.Contains(id)));
        }
    }

    private static Expression<Func<T, bool>> Compose<T>(Expression<Func<T, Guid?>> selector, Expression<Func<Guid?, bool>> predicate)
    {
        var body = new ParameterReplacer(predicate.Parameters[0], selector.Body).Visit(predicate.Body);
        return Expression.Lambda<Func<T, bool>>(body, selector.Parameters);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
