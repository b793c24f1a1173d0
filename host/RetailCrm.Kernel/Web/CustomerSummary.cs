using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The customer 360° page's summary parts from the modules the tenant has on.</summary>
internal sealed class CustomerSummary(IEnumerable<ICustomerSummaryContributor> contributors, EnabledContributions contributions) : ICustomerSummary
{
    public async Task<IReadOnlyList<CustomerSummaryPart>> GetAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        (await contributions.CollectAsync(
            contributors,
            async (contributor, moduleId) => await contributor.GetAsync(customerId, cancellationToken) is { } part ? part with { Module = moduleId } : null,
            $"Summary of customer {customerId}",
            cancellationToken))
        .OrderBy(p => p.Module, StringComparer.Ordinal).ToList();
}
