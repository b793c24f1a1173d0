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
    public Task<List<TResult>> CollectAsync<TContributor, TResult>(
        IEnumerable<TContributor> contributors, Func<TContributor, Task<TResult?>> ask, string what, CancellationToken cancellationToken)
        where TContributor : class
        where TResult : class =>
        CollectAsync(contributors, (contributor, _) => ask(contributor), what, cancellationToken);

    /// <summary>As above, telling <paramref name="ask"/> the id of the contributor's module ("" for the host's own).</summary>
    public async Task<List<TResult>> CollectAsync<TContributor, TResult>(
        IEnumerable<TContributor> contributors, Func<TContributor, string, Task<TResult?>> ask, string what, CancellationToken cancellationToken,
        string? onlyModule = null)
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
            if ((moduleId.Length > 0 && !enabled.Contains(moduleId)) || (onlyModule is not null && moduleId != onlyModule))
            {
                continue;
            }

            try
            {
                if (await ask(contributor, moduleId) is { } result)
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

    /// <summary>The ids of the modules the tenant has on that own one of the contributors (the host's own left out).</summary>
    public async Task<IReadOnlyList<string>> EnabledModulesAsync<TContributor>(IEnumerable<TContributor> contributors, CancellationToken cancellationToken)
        where TContributor : class
    {
        if (tenant.Id is not { } tenantId)
        {
            return [];
        }

        var enabled = await toggles.GetEnabledAsync(tenantId, cancellationToken);
        return contributors.Select(c => catalog.OwnerOf(c.GetType())?.Id ?? "").Where(id => id.Length > 0 && enabled.Contains(id))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
