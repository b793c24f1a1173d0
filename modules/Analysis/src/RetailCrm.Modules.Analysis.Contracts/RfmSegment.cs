namespace RetailCrm.Modules.Analysis.Contracts;

/// <summary>The named RFM segments; the tenant's segment map says which recency and frequency-monetary scores make each.</summary>
public enum RfmSegment
{
    /// <summary>Bought recently, buy often and spend the most.</summary>
    Champions,

    /// <summary>Buy regularly and spend well.</summary>
    Loyal,

    /// <summary>Recent customers with average frequency who could become loyal.</summary>
    PotentialLoyalist,

    /// <summary>Bought for the first time recently.</summary>
    New,

    /// <summary>Recent buyers who have not spent much yet.</summary>
    Promising,

    /// <summary>Above average, but not bought very recently.</summary>
    NeedAttention,

    /// <summary>Below average and slipping away.</summary>
    AboutToSleep,

    /// <summary>Spent well and often, but long ago.</summary>
    AtRisk,

    /// <summary>Were among the best and have not come back for long.</summary>
    CantLoseThem,

    /// <summary>Lowest recency, frequency and value.</summary>
    Lost,
}

/// <summary>What happened to an analysis recompute.</summary>
public enum RecomputeStatus
{
    /// <summary>Running on one host instance.</summary>
    Running,

    /// <summary>Finished; its results are the ones shown.</summary>
    Succeeded,

    /// <summary>Stopped by an error; the previous results stay in place.</summary>
    Failed,
}
