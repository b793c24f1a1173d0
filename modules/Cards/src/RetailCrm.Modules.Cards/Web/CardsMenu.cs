using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>The cards pages in the main navigation; each shown only to users holding its permission.</summary>
internal sealed class CardsMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("cards.desk", "Till desk", "/cards/desk", 30) { TextZh = "门店收银", Icon = "store", RequiredPermission = CardsPermissions.ViewCards },
        new("cards.cards", "Cards", "/cards/cards", 31) { TextZh = "卡查询", Icon = "credit-card", RequiredPermission = CardsPermissions.ViewCards },
        new("cards.products", "Card products", "/cards/products", 32) { TextZh = "卡产品", Icon = "package", RequiredPermission = CardsPermissions.ViewProducts },
        new("cards.numbering", "Number cards into stock", "/cards/stock/numbering", 33) { TextZh = "制卡入库", Icon = "hash", RequiredPermission = CardsPermissions.CreateCards },
        new("cards.terminals", "Terminals", "/cards/terminals", 34) { TextZh = "收银终端", Icon = "monitor-smartphone", RequiredPermission = CardsPermissions.ManageTerminals },
        new("cards.bulk-sales", "Bulk sales", "/cards/bulk-sales", 36) { TextZh = "总部售卡", Icon = "boxes", RequiredPermission = CardsPermissions.ManageBulkSales },
        new("cards.settlement", "Settlement", "/cards/settlement", 37) { TextZh = "门店日结", Icon = "calculator", RequiredPermission = CardsPermissions.ViewSettlement },
        new("cards.ledger-check", "Ledger check", "/cards/ledger-check", 35) { TextZh = "卡账核对", Icon = "scale", RequiredPermission = CardsPermissions.CheckLedger },
    ];
}
