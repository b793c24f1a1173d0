namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>What a card product is for (卡种).</summary>
public enum CardKind
{
    Membership,
    StoredValue,
    Gift,
    CoBranded,
}

/// <summary>Where a card is in its life: stock, in use, or out of use.</summary>
public enum CardStatus
{
    InStock,
    Active,
    Frozen,
    Lost,
    Expired,
    Closed,
    Void,
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
