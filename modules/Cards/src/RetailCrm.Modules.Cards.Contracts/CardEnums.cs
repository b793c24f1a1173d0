namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>What a card product is for (卡种).</summary>
public enum CardKind
{
    /// <summary>A membership card: it identifies the member and earns points; it holds no money.</summary>
    Membership,

    /// <summary>A stored-value card (储值卡): topped up and paid with at the till.</summary>
    StoredValue,

    /// <summary>A gift card: sold with a value, usually to be given away.</summary>
    Gift,

    /// <summary>A card issued with a partner (联名卡).</summary>
    CoBranded,
}

/// <summary>
/// Where a card is in its life: produced (number encoded, not yet put away), in stock at HQ, in transit to a
/// store, at a store, in use, or out of use. Stored as numbers: new values go at the end.
/// </summary>
public enum CardStatus
{
    /// <summary>In HQ stock, ready to be sent to a store or sold in bulk.</summary>
    InStock,

    /// <summary>Sold and usable (until it expires).</summary>
    Active,

    /// <summary>Frozen by staff; unfrozen it is active again.</summary>
    Frozen,

    /// <summary>Reported lost: no payment is taken; it can be exchanged.</summary>
    Lost,

    /// <summary>Past its validity.</summary>
    Expired,

    /// <summary>Closed and its balance and deposit refunded.</summary>
    Closed,

    /// <summary>Out of use after an exchange: its balance and points went to the new card.</summary>
    Void,

    /// <summary>Encoded in a production run and not yet put away.</summary>
    Produced,

    /// <summary>Shipped from HQ to a store and not yet received.</summary>
    InTransit,

    /// <summary>In a store's stock, ready to be sold there.</summary>
    AtStore,
}

/// <summary>Money taken at a counter for a card that does not go onto the card: fees and deposits, and deposits paid back.</summary>
public enum CardChargeKind
{
    /// <summary>The product's card fee (工本费), taken on a sale.</summary>

    /// <summary>A fee taken from the card's balance.</summary>
    Fee,

    /// <summary>The product's deposit (押金), taken on a sale.</summary>
    Deposit,

    /// <summary>The product's exchange fee (换卡费).</summary>
    ExchangeFee,

    /// <summary>The deposit paid back when the card is closed (a negative amount).</summary>
    DepositRefund,
}

/// <summary>What one ledger entry of a card records.</summary>
public enum LedgerEntryKind
{
    /// <summary>The card was sold, with its opening balance.</summary>
    Issue,

    /// <summary>Money put onto the card.</summary>
    TopUp,

    /// <summary>A payment with the card.</summary>
    Payment,

    /// <summary>A payment reversed (the money back on the card).</summary>
    Reversal,

    /// <summary>Money refunded onto the card, or paid out when it is closed.</summary>
    Refund,

    /// <summary>A fee taken from the card's balance.</summary>
    Fee,

    /// <summary>Points earned by a purchase or a payment.</summary>
    PointsEarn,

    /// <summary>Points redeemed, or taken back.</summary>
    PointsRedeem,

    /// <summary>A correction by staff, or a transfer between cards (exchange, merge, write-off).</summary>
    Adjustment,
}
