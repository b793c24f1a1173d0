using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Settlement;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Dashboard;

/// <summary>Money of one currency, in minor units.</summary>
internal sealed record CurrencyTotal(string Currency, long Amount, int Count);

/// <summary>One settlement day's money put on cards and taken by them, in minor units of the tenant's main currency.</summary>
internal sealed record CardFlowDay(DateOnly Date, long ToppedUp, long Paid);

/// <summary>The figures of the home page's card widgets, read from the ledger and the cards (read-only, no tracking).</summary>
internal sealed class CardsDashboardQueries(CardsDbContext db, SettlementService settlement)
{
    private static readonly LedgerEntryKind[] s_payments = [LedgerEntryKind.Payment, LedgerEntryKind.Reversal];
    private static readonly LedgerEntryKind[] s_flow = [LedgerEntryKind.TopUp, LedgerEntryKind.Payment, LedgerEntryKind.Reversal];

    /// <summary>Card payments taken today (net of reversals), per currency.</summary>
    public async Task<IReadOnlyList<CurrencyTotal>> PaymentsTodayAsync(CancellationToken cancellationToken)
    {
        var today = await settlement.TodayRangeAsync(cancellationToken);
        var rows = await MovementsAsync(today.From, today.To, s_payments, cancellationToken);
        return rows.GroupBy(r => r.Currency)
            .Select(g => new CurrencyTotal(g.Key, -g.Sum(r => r.Amount), g.Count(r => r.Kind == LedgerEntryKind.Payment)))
            .OrderByDescending(t => t.Amount).ToList();
    }

    /// <summary>What the tenant owes its card holders: the balances of every card that still holds value, per currency.</summary>
    public async Task<IReadOnlyList<CurrencyTotal>> LiabilityAsync(CancellationToken cancellationToken)
    {
        var rows = await (from card in db.Set<Card>().AsNoTracking().Where(Card.HoldingValue)
                          join product in db.Set<CardProduct>() on card.ProductId equals product.Id
                          select new { product.Currency, card.Balance })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Currency)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(r => r.Balance), g.Count()))
            .OrderByDescending(t => t.Amount).ToList();
    }

    /// <summary>Top-ups and payments per settlement day for the last <paramref name="days"/> days, today included.</summary>
    public async Task<(string Currency, IReadOnlyList<CardFlowDay> Days)> FlowAsync(int days, CancellationToken cancellationToken)
    {
        var today = await settlement.TodayRangeAsync(cancellationToken);
        var first = today.Date.AddDays(1 - days);
        var since = SettlementService.StartOf(first, today.TimeZone);
        var rows = await MovementsAsync(since, today.To, s_flow, cancellationToken);
        var currency = rows.GroupBy(r => r.Currency).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "CNY";
        var byDay = rows.Where(r => r.Currency == currency)
            .ToLookup(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc), today.TimeZone)));
        var flow = Enumerable.Range(0, days).Select(i => first.AddDays(i))
            .Select(day => new CardFlowDay(day,
                byDay[day].Where(r => r.Kind == LedgerEntryKind.TopUp).Sum(r => r.Amount),
                -byDay[day].Where(r => r.Kind != LedgerEntryKind.TopUp).Sum(r => r.Amount)))
            .ToList();
        return (currency, flow);
    }

    /// <summary>The ledger entries of these kinds in [<paramref name="since"/>, <paramref name="until"/>), with their card's currency.</summary>
    private Task<List<Movement>> MovementsAsync(DateTime since, DateTime until, LedgerEntryKind[] kinds, CancellationToken cancellationToken) =>
        (from entry in db.Set<LedgerEntry>().AsNoTracking()
         join card in db.Set<Card>() on entry.CardId equals card.Id
         join product in db.Set<CardProduct>() on card.ProductId equals product.Id
         where entry.OccurredAt >= since && entry.OccurredAt < until && kinds.Contains(entry.Kind)
         select new Movement(product.Currency, entry.Kind, entry.Amount, entry.OccurredAt))
        .ToListAsync(cancellationToken);

    private sealed record Movement(string Currency, LedgerEntryKind Kind, long Amount, DateTime OccurredAt);
}
