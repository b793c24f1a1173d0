namespace RetailCrm.Modules.Service.Contracts;

/// <summary>Permission names of the service module.</summary>
public static class ServicePermissions
{
    /// <summary>See things.</summary>
    public const string View = "service.things.view";

    /// <summary>Add things.</summary>
    public const string Create = "service.things.create";
}
