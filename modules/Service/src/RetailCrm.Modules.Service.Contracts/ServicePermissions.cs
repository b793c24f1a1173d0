namespace RetailCrm.Modules.Service.Contracts;

/// <summary>Permission names of the service module.</summary>
public static class ServicePermissions
{
    /// <summary>See things.</summary>
    public const string View = "service.things.view";

    /// <summary>Add things.</summary>
    public const string Create = "service.things.create";

    /// <summary>Read and search the knowledge base (published articles).</summary>
    public const string KbView = "service.kb.view";

    /// <summary>Write, publish and file knowledge-base articles, see drafts, manage categories.</summary>
    public const string KbEdit = "service.kb.edit";
}
