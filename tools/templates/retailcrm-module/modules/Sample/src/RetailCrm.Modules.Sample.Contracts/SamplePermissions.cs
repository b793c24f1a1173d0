namespace RetailCrm.Modules.Sample.Contracts;

/// <summary>Permission names of the sample module.</summary>
public static class SamplePermissions
{
    /// <summary>See things.</summary>
    public const string View = "sample.things.view";

    /// <summary>Add things.</summary>
    public const string Create = "sample.things.create";
}
