using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Alpha;

/// <summary>Alpha's section of the customer 360° page: present only while alpha is on for the tenant.</summary>
public sealed class AlphaProfileSection : IProfileSectionContributor
{
    public Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult<ProfileSection?>(new ProfileSection("Alpha things", "~/Views/AlphaProfile/_Things.cshtml", customerId, 50));
}
