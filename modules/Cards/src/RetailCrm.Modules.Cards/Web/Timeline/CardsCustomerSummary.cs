using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Timeline;

/// <summary>
/// The cards' part of the customer 360° summary: how many cards, their balance and points as tiles, and what was paid
/// with them (net of reversals and refunds), which the page counts as the customer's spending in place of the
/// purchases recorded with the <c>card</c> tender.
/// </summary>
internal sealed class CardsCustomerSummary(HolderActivity activity, IPermissionChecker permissions, IDisplayText display, IStringLocalizer<CardsModule> t) : ICustomerSummaryContributor
{
    /// <summary>The tender a till records for a purchase paid by card (see the points handler, which skips it too).</summary>
    public const string CardTender = "card";

    public async Task<CustomerSummaryPart?> GetAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(CardsPermissions.ViewCards, cancellationToken))
        {
            return null;
        }

        var cards = await activity.CardsAsync(customerId, cancellationToken);
        if (cards.Count == 0)
        {
            return null;
        }

        var spending = await activity.SpendingAsync(cards.Select(c => c.Id).ToList(), cancellationToken);
        var balances = cards.GroupBy(c => c.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => display.Money(g.Sum(c => c.Balance), g.Key));
        return new CustomerSummaryPart
        {
            Tiles =
            [
                new SummaryTile("cards.count", t["Cards held"], cards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new SummaryTile("cards.balance", t["Card balance"], string.Join(" · ", balances)),
                new SummaryTile("cards.points", t["Points"], cards.Sum(c => c.Points).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Spent = spending.Select(s => new MoneyAmount(s.Spent, s.Currency)).ToList(),
            Tender = CardTender,
        };
    }
}
