using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>Stock locations are the tenant's organization units: the head office is the HQ warehouse, stores hold store stock.</summary>
internal sealed class StockPlaces(IOrganizationUnits units, ICurrentUser user)
{
    /// <summary>The tenant's HQ warehouse (its head-office unit), or a refusal when the tenant has none.</summary>
    public async Task<Result<OrganizationUnitInfo>> HeadquartersAsync(CancellationToken cancellationToken)
    {
        var all = await units.ListAsync(cancellationToken);
        return all.FirstOrDefault(u => u.Type == OrganizationUnitType.Headquarters) is { } hq
            ? hq
            : Refuse.Conflict("The tenant has no head-office unit to hold HQ stock.");
    }

    public async Task<Result<OrganizationUnitInfo>> StoreAsync(string? code, string field, CancellationToken cancellationToken) =>
        await FindAsync(code, cancellationToken) is { Type: OrganizationUnitType.Store } store
            ? store
            : Refuse.Invalid(field, "No store of this tenant has this code.");

    /// <summary>A unit that holds stock: the head office or a store.</summary>
    public async Task<Result<OrganizationUnitInfo>> LocationAsync(string? code, string field, CancellationToken cancellationToken) =>
        await FindAsync(code, cancellationToken) is { Type: OrganizationUnitType.Store or OrganizationUnitType.Headquarters } unit
            ? unit
            : Refuse.Invalid(field, "No head office or store of this tenant has this code.");

    /// <summary>
    /// Staff of a store act for their own store only (ask for cards, receive them, count them); staff of the head
    /// office or of no unit act for any location. Null when allowed.
    /// </summary>
    public async Task<Refusal?> MayActForAsync(string locationCode, CancellationToken cancellationToken)
    {
        if (user.OrganizationUnitId is not { } unitId || await units.FindAsync(unitId, cancellationToken) is not { Type: OrganizationUnitType.Store } own)
        {
            return null;
        }

        return string.Equals(own.Code, locationCode, StringComparison.OrdinalIgnoreCase)
            ? null
            : Refuse.Forbidden("Staff of store {0} act for their own store only.", own.Code);
    }

    private async Task<OrganizationUnitInfo?> FindAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) ? null : await units.FindByCodeAsync(code, cancellationToken);
}
