using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The customer 360° page's sections from the modules the tenant has on.</summary>
internal sealed class ProfileSectionProvider(IEnumerable<IProfileSectionContributor> contributors, EnabledContributions contributions) : IProfileSectionProvider
{
    public async Task<IReadOnlyList<ProfileSection>> GetSectionsAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        (await contributions.CollectAsync(contributors, c => c.GetSectionAsync(customerId, cancellationToken), $"Profile section for customer {customerId}", cancellationToken))
            .OrderBy(s => s.Order).ToList();
}
