namespace RetailCrm.Sdk.DemoData;

/// <summary>
/// Fills the current tenant with a module's demo records. Called by <c>crmctl demo</c> or the
/// <c>RetailCrm:DemoData</c> switch, in module dependency order, inside the tenant.
/// Must be idempotent: running it twice adds nothing the second time.
/// </summary>
public interface IDemoDataContributor
{
    Task SeedAsync(CancellationToken cancellationToken);
}
