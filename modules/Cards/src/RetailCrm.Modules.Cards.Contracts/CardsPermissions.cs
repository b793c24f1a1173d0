namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>Permission names of the cards module.</summary>
public static class CardsPermissions
{
    public const string ViewProducts = "cards.products.view";
    public const string ManageProducts = "cards.products.manage";
    public const string ViewCards = "cards.cards.view";

    /// <summary>Put new cards of a product into stock (numbers generated in the product's format).</summary>
    public const string CreateCards = "cards.cards.create";

    /// <summary>Sell (activate) a card to a member at the till.</summary>
    public const string Sell = "cards.cards.sell";

    public const string TopUp = "cards.cards.top-up";
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

    /// <summary>Read the daily settlement per store against HQ, its transactions and its export.</summary>
    public const string ViewSettlement = "cards.settlement.view";
}
