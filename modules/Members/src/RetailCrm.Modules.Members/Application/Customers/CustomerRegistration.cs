using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>Registration of customers by other modules, through the Contracts interface only.</summary>
internal sealed class CustomerRegistration(CustomerService customers, ICustomerLookup lookup) : ICustomerRegistration
{
    public async Task<Result<CustomerSummary>> RegisterAsync(NewCustomerContact contact, bool keepDespiteDuplicates, CancellationToken cancellationToken = default)
    {
        var input = new CustomerInput { Kind = CustomerKind.Person, DisplayName = contact.DisplayName, Phone = contact.Phone, Email = contact.Email };
        var created = await customers.CreateAsync(input, keepDespiteDuplicates, cancellationToken);
        if (created.IsRefused)
        {
            var candidates = CustomerService.CandidatesOf(created.Refusal);
            return candidates.Count == 0
                ? created.Refusal
                : created.Refusal.With(ICustomerRegistration.DuplicatesExtension,
                    candidates.Select(c => new LikelyDuplicate(c.CustomerId, c.Code, c.DisplayName, c.Reasons)).ToList());
        }

        return await lookup.FindAsync(created.Value.Customer.Id, cancellationToken)
            ?? throw new InvalidOperationException("A customer just created is not found.");
    }
}

/// <summary>Phone numbers in E.164 under the tenant's region, for other modules.</summary>
internal sealed class TenantPhoneNumbers(RetailCrm.Sdk.Settings.ISettingProvider settings) : IPhoneNumbers
{
    public async Task<string?> ToE164Async(string? phone, CancellationToken cancellationToken = default) =>
        DataQuality.PhoneNormalizer.Normalize(phone, await settings.GetAsync(MembersSettings.PhoneRegion, cancellationToken) ?? "CN").E164;
}
