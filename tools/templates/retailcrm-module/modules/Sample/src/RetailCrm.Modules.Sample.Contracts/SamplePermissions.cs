namespace RetailCrm.Modules.Sample.Contracts;

/// <summary>Permission names of the sample module.</summary>
public static class SamplePermissions
{
    public const string View = "sample.things.view";
    public const string Create = "sample.things.create";
}
