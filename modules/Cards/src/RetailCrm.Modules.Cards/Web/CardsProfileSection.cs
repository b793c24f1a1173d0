using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>
/// The member's cards on the customer 360° page (partial <c>CardsProfile/_MemberCards</c>): masked number, product,
/// status, balance and points, and the last 10 transactions across them. Asked only when cards is on for the
/// tenant; nothing is shown to a user who may not see cards.
/// </summary>
internal sealed class CardsProfileSection(CardQueries queries, IPermissionChecker permissions, IStringLocalizer<CardsModule> t) : IProfileSectionContributor
{
    public const int LatestTransactions = 10;

    public async Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(CardsPermissions.ViewCards, cancellationToken))
        {
            return null;
        }

        var holder = await queries.ForHolderAsync(customerId, LatestTransactions, cancellationToken);
        return new ProfileSection(t["Cards"], "~/Web/Views/CardsProfile/_MemberCards.cshtml", holder, 30);
    }
}
