namespace RetailCrm.Samples.Alpha.Contracts;

/// <summary>Permission names of the sample module 'alpha'.</summary>
public static class AlphaPermissions
{
    public const string ViewThings = "alpha.things.view";
}
