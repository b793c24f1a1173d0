using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Timeline;

/// <summary>
/// The customer's cards on the 360° timeline: each ledger entry (card sold, top-ups, payments, reversals, refunds,
/// fees, points), the cards that came from a merged customer, and a card's freeze, loss, expiry or close (its
/// current status since it changed). Amounts in major units; each entry links to its card's page. Nothing for a
/// user who may not see cards.
/// </summary>
internal sealed class CardsTimeline(HolderActivity activity, IPermissionChecker permissions, IDisplayText display, IStringLocalizer<CardsModule> t) : ITimelineContributor
{
    public async Task<IReadOnlyList<TimelineEntry>> GetEntriesAsync(TimelineQuery query, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(CardsPermissions.ViewCards, cancellationToken))
        {
            return [];
        }

        var cards = (await activity.CardsAsync(query.CustomerId, cancellationToken)).ToDictionary(c => c.Id);
        if (cards.Count == 0)
        {
            return [];
        }

        var before = query.Before ?? DateTime.MaxValue;
        var entries = new List<TimelineEntry>();
        entries.AddRange((await activity.LedgerAsync(cards.Keys, before, query.Limit, cancellationToken)).Select(e => FromLedger(e, cards[e.CardId])));
        entries.AddRange((await activity.ArrivalsAsync(query.CustomerId, before, query.Limit, cancellationToken))
            .Where(a => cards.ContainsKey(a.CardId))
            .Select(a => Entry(a.At, "cards.holder", "user-round-plus", t["Card {0} came from {1}", cards[a.CardId].MaskedNumber, a.FromCode ?? "—"], cards[a.CardId]) with { Detail = a.Reason }));
        entries.AddRange(cards.Values.Where(c => c.StatusChangedAt is not null && StatusIcon(c.Status) is not null)
            .Select(c => Entry(c.StatusChangedAt!.Value, "cards.status", StatusIcon(c.Status)!, t["Card {0}: {1}", c.MaskedNumber, display.Name(c.Status)], c)));
        return entries.Where(e => query.Admits(e.When)).OrderByDescending(e => e.When).ThenByDescending(e => StepWithin(e.Kind)).Take(query.Limit).ToList();
    }

    /// <summary>
    /// One till step writes several entries at the same instant: the card's sale before its opening top-up, the
    /// money before the points it earns or takes back. Newest first, so the later step leads.
    /// </summary>
    private static int StepWithin(string kind) => kind switch
    {
        "cards.issue" => 0,
        "cards.points-earn" or "cards.points-redeem" => 2,
        _ => 1,
    };

    private TimelineEntry FromLedger(HolderLedgerEntry e, HolderCard card)
    {
        var (icon, title) = e.Kind switch
        {
            LedgerEntryKind.Issue => ("credit-card", "Card {0} sold"),
            LedgerEntryKind.TopUp => ("wallet", "Card {0} topped up"),
            LedgerEntryKind.Payment => ("shopping-cart", "Paid with card {0}"),
            LedgerEntryKind.Reversal => ("undo-2", "Payment reversed on card {0}"),
            LedgerEntryKind.Refund => ("rotate-ccw", "Refund on card {0}"),
            LedgerEntryKind.Fee => ("receipt", "Fee taken from card {0}"),
            LedgerEntryKind.PointsEarn => ("sparkles", "Points earned on card {0}"),
            LedgerEntryKind.PointsRedeem => ("gift", "Points redeemed on card {0}"),
            _ => ("pencil", "Card {0} adjusted"),
        };
        var points = e.Points == 0 ? null : t["{0} points", e.Points.ToString("+#;-#", System.Globalization.CultureInfo.InvariantCulture)].Value;
        return Entry(e.OccurredAt, "cards." + Kebab(e.Kind), icon, t[title, card.MaskedNumber], card) with
        {
            Detail = string.Join(" · ", new[] { e.StoreCode, e.ReceiptId, points }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } detail ? detail : null,
            Amount = e.Amount == 0 ? null : new MoneyAmount(Math.Abs(e.Amount), card.Currency),
        };
    }

    private static TimelineEntry Entry(DateTime when, string kind, string icon, string title, HolderCard card) =>
        new(when, kind, icon, title) { Url = $"/cards/cards/{card.Id}" };

    /// <summary>The statuses a clerk or the expiry job puts a card in, which the timeline shows; others are part of selling.</summary>
    private static string? StatusIcon(CardStatus status) => status switch
    {
        CardStatus.Frozen => "snowflake",
        CardStatus.Lost => "lock",
        CardStatus.Expired => "clock",
        CardStatus.Closed => "ban",
        _ => null,
    };

    private static string Kebab(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.TopUp => "top-up",
        LedgerEntryKind.PointsEarn => "points-earn",
        LedgerEntryKind.PointsRedeem => "points-redeem",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
