namespace RetailCrm.Modules.Sales.Contracts;

/// <summary>Where a deal stands as a whole; its stage says where it stands in the pipeline.</summary>
public enum OpportunityStatus
{
    /// <summary>Being worked.</summary>
    Open,

    /// <summary>Signed: its lines are frozen.</summary>
    Won,

    /// <summary>Lost, with a reason.</summary>
    Lost,
}

/// <summary>What a journal entry (业务日志) records.</summary>
public enum ActivityKind
{
    /// <summary>A visit at the customer's (拜访).</summary>
    Visit,

    /// <summary>A phone call.</summary>
    Call,

    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>An e-mail sent or received.</summary>
    Email,

    /// <summary>A note.</summary>
    Note,
}

/// <summary>How sure the sales person is of an open deal, for the forecast's commit and best case.</summary>
public enum ForecastCategory
{
    /// <summary>In the pipeline: counted weighted by its stage's probability only.</summary>
    Pipeline,

    /// <summary>Could close in its month if things go well: part of the best case.</summary>
    BestCase,

    /// <summary>The sales person commits to closing it in its month: part of commit and best case.</summary>
    Commit,

    /// <summary>Left out of the forecast.</summary>
    Omitted,
}
