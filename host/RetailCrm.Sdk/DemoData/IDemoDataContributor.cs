namespace RetailCrm.Sdk.DemoData;

/// <summary>
/// Fills the current tenant with a module's demo records. Called by <c>crmctl demo</c> or the
/// <c>RetailCrm:DemoData</c> switch, in module dependency order, inside the tenant.
/// Must be idempotent: running it twice adds nothing the second time.
/// </summary>
public interface IDemoDataContributor
{
    /// <summary>Adds the module's demo records to the current tenant, adding nothing that is there already.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}
