using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>Menu entries of the card stock pages.</summary>
internal sealed class StockMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("cards.stock", "Card stock", "/cards/stock", 40) { TextZh = "卡库存", Icon = "warehouse", RequiredPermission = CardsPermissions.ViewStock },
        new("cards.stock.requests", "Store card requests", "/cards/stock/requests", 41) { TextZh = "门店空卡申请", Icon = "clipboard-list", RequiredPermission = CardsPermissions.ViewStock },
    ];
}
