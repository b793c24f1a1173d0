using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Application;

/// <summary>
/// The tenant's people as the current user's data scope reaches them: a sales person himself, a supervisor the people
/// of his units, a manager everyone. Tasks, journal reviews and the per-person figures ask here.
/// </summary>
internal sealed class SalesPeople(IUserDirectory directory, IDataScopeProvider dataScope, ICurrentUser user)
{
    public async Task<IReadOnlyList<UserInfo>> InScopeAsync(CancellationToken cancellationToken)
    {
        var scope = await dataScope.GetAsync(cancellationToken);
        var everyone = await directory.ListAsync(cancellationToken);
        return [.. everyone.Where(u => Reaches(scope, u))];
    }

    /// <summary>The person with this id when the current user's scope reaches him, else null.</summary>
    public async Task<UserInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await directory.FindAsync(id, cancellationToken) is { } person && Reaches(await dataScope.GetAsync(cancellationToken), person) ? person : null;

    public Guid? CurrentId => user.Id;

    private bool Reaches(DataScopeFilter scope, UserInfo person) => scope.Scope switch
    {
        DataScope.All => true,
        DataScope.Own => person.Id == (scope.UserId ?? user.Id),
        _ => person.Id == user.Id || (person.OrganizationUnitId is { } unit && scope.UnitIds.Contains(unit)),
    };
}
