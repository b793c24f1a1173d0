namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>What a card product is for (卡种).</summary>
public enum CardKind
{
    Membership,
    StoredValue,
    Gift,
    CoBranded,
}

/// <summary>
/// Where a card is in its life: produced (number encoded, not yet put away), in stock at HQ, in transit to a
/// store, at a store, in use, or out of use. Stored as numbers: new values go at the end.
/// </summary>
public enum CardStatus
{
    InStock,
    Active,
    Frozen,
    Lost,
    Expired,
    Closed,
    Void,
    Produced,
    InTransit,
    AtStore,
}

/// <summary>Money taken at a counter for a card that does not go onto the card: fees and deposits, and deposits paid back.</summary>
public enum CardChargeKind
{
    /// <summary>The product's card fee (工本费), taken on a sale.</summary>
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
    Issue,
    TopUp,
    Payment,
    Reversal,
    Refund,
    Fee,
    PointsEarn,
    PointsRedeem,
    Adjustment,
}
