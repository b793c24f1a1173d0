using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

internal sealed class ProfileSectionProvider(
    IEnumerable<IProfileSectionContributor> contributors,
    ModuleCatalog catalog,
    ModuleToggles toggles,
    ICurrentTenant tenant,
    ILogger<ProfileSectionProvider> logger) : IProfileSectionProvider
{
    public async Task<IReadOnlyList<ProfileSection>> GetSectionsAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (tenant.Id is not { } tenantId)
        {
            return [];
        }

        var enabled = await toggles.GetEnabledAsync(tenantId, cancellationToken);
        var sections = new List<ProfileSection>();
        foreach (var contributor in contributors)
        {
            var moduleId = catalog.OwnerOf(contributor.GetType())?.Id ?? "";
            if (moduleId.Length > 0 && !enabled.Contains(moduleId))
            {
                continue;
            }

            try
            {
                if (await contributor.GetSectionAsync(customerId, cancellationToken) is { } section)
                {
                    sections.Add(section);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Profile section of {Module} failed for customer {CustomerId}", moduleId, customerId);
            }
        }

        return sections.OrderBy(s => s.Order).ToList();
    }
}
