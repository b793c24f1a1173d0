using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Asks the contributors of the modules the current tenant has on (the 360° sections, the home page's widgets) and
/// keeps what they give; a contributor that throws is left out and logged, so one module never breaks a page.
/// Contributors of the host or the Kernel itself (no owning module) are always asked.
/// </summary>
internal sealed class EnabledContributions(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant, ILogger<EnabledContributions> logger)
{
    public async Task<List<TResult>> CollectAsync<TContributor, TResult>(
        IEnumerable<TContributor> contributors, Func<TContributor, Task<TResult?>> ask, string what, CancellationToken cancellationToken)
        where TContributor : class
        where TResult : class
    {
        if (tenant.Id is not { } tenantId)
        {
            return [];
        }

        var enabled = await toggles.GetEnabledAsync(tenantId, cancellationToken);
        var results = new List<TResult>();
        foreach (var contributor in contributors)
        {
            var moduleId = catalog.OwnerOf(contributor.GetType())?.Id ?? "";
            if (moduleId.Length > 0 && !enabled.Contains(moduleId))
            {
                continue;
            }

            try
            {
                if (await ask(contributor) is { } result)
                {
                    results.Add(result);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "{What} of {Module} ({Contributor}) failed", what, moduleId, contributor.GetType().Name);
            }
        }

        return results;
    }
}
