namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>Permission names of the cards module.</summary>
public static class CardsPermissions
{
    /// <summary>See card products and their rules.</summary>
    public const string ViewProducts = "cards.products.view";

    /// <summary>Create and change card products.</summary>
    public const string ManageProducts = "cards.products.manage";

    /// <summary>Find cards and read a card's page, its ledger and its history.</summary>
    public const string ViewCards = "cards.cards.view";

    /// <summary>Put new cards of a product into stock (numbers generated in the product's format).</summary>
    public const string CreateCards = "cards.cards.create";

    /// <summary>Sell (activate) a card to a member at the till.</summary>
    public const string Sell = "cards.cards.sell";

    /// <summary>Top up a card at the till.</summary>
    public const string TopUp = "cards.cards.top-up";

    /// <summary>Take a payment with a card at the till.</summary>
    public const string Pay = "cards.cards.pay";

    /// <summary>Reverse a payment or refund onto a card.</summary>
    public const string Reverse = "cards.cards.reverse";

    /// <summary>Freeze, unfreeze and report a card lost.</summary>
    public const string Freeze = "cards.cards.freeze";

    /// <summary>Close a card and refund its balance.</summary>
    public const string Close = "cards.cards.close";

    /// <summary>Run the ledger check and read its report.</summary>
    public const string CheckLedger = "cards.ledger.check";

    /// <summary>Register and revoke till terminals (POS API credentials).</summary>
    public const string ManageTerminals = "cards.terminals.manage";

    /// <summary>Exchange a card (换卡): balance and points onto a new card from stock, the old one void.</summary>
    public const string Exchange = "cards.cards.exchange";

    /// <summary>Sell cards in bulk from HQ stock to a company (总部售卡) and read bulk sales.</summary>
    public const string ManageBulkSales = "cards.bulk-sales.manage";

    /// <summary>Redeem points of a card.</summary>
    public const string RedeemPoints = "cards.points.redeem";

    /// <summary>See card stock: suppliers, purchase orders, production runs, store requests, stock-takes and the stock report.</summary>
    public const string ViewStock = "cards.stock.view";

    /// <summary>Manage suppliers and purchase orders of blank cards and receive batches into HQ stock.</summary>
    public const string PurchaseStock = "cards.stock.purchase";

    /// <summary>Produce cards from blanks and put them away (quality check, spoilage).</summary>
    public const string ProduceStock = "cards.stock.produce";

    /// <summary>Request cards for a store (门店空卡申请).</summary>
    public const string RequestStock = "cards.stock.request";

    /// <summary>Approve or reject stores' requests (HQ).</summary>
    public const string ApproveStock = "cards.stock.approve";

    /// <summary>Ship cards from HQ to a store.</summary>
    public const string ShipStock = "cards.stock.ship";

    /// <summary>Receive shipped cards at the store.</summary>
    public const string ReceiveStock = "cards.stock.receive";

    /// <summary>Open, count, close and write off stock-takes (盘点).</summary>
    public const string CountStock = "cards.stock.count";

    /// <summary>Read the daily settlement per store against HQ, its transactions and its export.</summary>
    public const string ViewSettlement = "cards.settlement.view";
}
