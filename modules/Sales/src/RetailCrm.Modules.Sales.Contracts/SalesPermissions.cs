namespace RetailCrm.Modules.Sales.Contracts;

/// <summary>Permission names of the sales module.</summary>
public static class SalesPermissions
{
    /// <summary>See the deals in one's data scope: a sales person his own, a supervisor his unit's, a manager all.</summary>
    public const string View = "sales.opportunities.view";

    /// <summary>Create deals, log the journal, move deals between stages, win and lose them.</summary>
    public const string Work = "sales.opportunities.work";

    /// <summary>Supervisors: approve or send back gated moves, review the team's journals.</summary>
    public const string Supervise = "sales.supervise";

    /// <summary>Admins: pipelines, stages and their exit criteria, the catalogue, won and lost reasons.</summary>
    public const string Administer = "sales.admin";
}
