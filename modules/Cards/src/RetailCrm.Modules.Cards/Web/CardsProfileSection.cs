using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>
/// The member's cards on the customer 360° page: masked number, product, status, balance and points, and
/// the last 10 transactions across them, each card linked to its HQ page and the till desk. Asked only
/// when cards is on for the tenant; nothing is shown to a user who may not see cards.
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
        var e = HtmlEncoder.Default;
        var html = new StringBuilder("<div id=\"member-cards\">");
        if (holder.Cards.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(e.Encode(t["No cards."])).Append("</p></div>");
            return new ProfileSection(t["Cards"], html.ToString(), 30);
        }

        html.Append("<table><thead><tr>");
        foreach (var head in new[] { "Card", "Product", "Status", "Balance", "Points", "" })
        {
            html.Append("<th>").Append(head.Length == 0 ? "" : e.Encode(t[head])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var card in holder.Cards)
        {
            html.Append("<tr data-card=\"").Append(card.Id).Append("\"><td><a href=\"/cards/cards/").Append(card.Id).Append("\"><code>").Append(e.Encode(card.MaskedNumber)).Append("</code></a></td>")
                .Append("<td>").Append(e.Encode(card.ProductName)).Append("</td>")
                .Append("<td><span class=\"badge").Append(card.Status == CardStatus.Active ? " on" : "").Append("\">").Append(e.Encode(t[card.Status.ToString()])).Append("</span></td>")
                .Append("<td class=\"money\">").Append(e.Encode(Money.Format(card.Balance, card.Currency))).Append("</td>")
                .Append("<td>").Append(card.Points.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td><a href=\"/cards/desk/").Append(card.Id).Append("\">").Append(e.Encode(t["Till desk"])).Append("</a></td></tr>");
        }

        html.Append("</tbody></table>");
        if (holder.LatestTransactions.Count > 0)
        {
            html.Append("<h3>").Append(e.Encode(t["Latest transactions"])).Append("</h3><table id=\"member-card-transactions\"><thead><tr>");
            foreach (var head in new[] { "When", "Card", "Kind", "Amount", "Points", "Balance after", "Store" })
            {
                html.Append("<th>").Append(e.Encode(t[head])).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var entry in holder.LatestTransactions)
            {
                html.Append("<tr><td>").Append(entry.OccurredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td><a href=\"/cards/cards/").Append(entry.CardId).Append("\"><code>").Append(e.Encode(entry.MaskedNumber)).Append("</code></a></td>")
                    .Append("<td>").Append(e.Encode(t[entry.Kind.ToString()])).Append("</td>")
                    .Append("<td class=\"money\">").Append(e.Encode(Money.Format(entry.Amount, entry.Currency))).Append("</td>")
                    .Append("<td>").Append(entry.Points.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td class=\"money\">").Append(e.Encode(Money.Format(entry.BalanceAfter, entry.Currency))).Append("</td>")
                    .Append("<td>").Append(e.Encode(entry.StoreCode ?? "")).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div>");
        return new ProfileSection(t["Cards"], html.ToString(), 30);
    }
}
