using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>Which of a page's permissions the user holds: a page shows only the forms the user may send.</summary>
internal sealed record UserPermissions(IReadOnlySet<string> Granted)
{
    /// <summary>The permissions of the stock pages' forms.</summary>
    public static readonly IReadOnlyList<string> StockForms =
    [
        CardsPermissions.PurchaseStock, CardsPermissions.ProduceStock, CardsPermissions.RequestStock, CardsPermissions.ApproveStock,
        CardsPermissions.ShipStock, CardsPermissions.ReceiveStock, CardsPermissions.CountStock,
    ];

    public bool Can(string permission) => Granted.Contains(permission);

    public static async Task<UserPermissions> OfAsync(IPermissionChecker checker, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            if (await checker.IsGrantedAsync(permission, cancellationToken))
            {
                granted.Add(permission);
            }
        }

        return new UserPermissions(granted);
    }
}
