using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Search;

/// <summary>
/// Customers for the global search, as the customer list finds them: by code, name, pinyin initials (ZW for 张伟),
/// phone in any format, e-mail or identity number, within the user's data scope.
/// </summary>
internal sealed class CustomerSearch(CustomerService customers, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : ISearchContributor
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string term, int limit, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(MembersPermissions.View, cancellationToken))
        {
            return [];
        }

        var found = await customers.SearchAsync(new CustomerQuery { Term = term, PageSize = limit }, cancellationToken);
        var group = t["Customers"];
        return [.. found.Items.Select(c => new SearchHit(group, $"{c.Code} {c.DisplayName}", MaskedPhone(c.Phone), $"/members/customers/{c.Id}"))];
    }

    /// <summary>A phone as a list shows it to anyone looking over a shoulder: the last four digits only.</summary>
    private static string? MaskedPhone(string? phone) => phone is { Length: > 4 } ? "•••• " + phone[^4..] : phone;
}
