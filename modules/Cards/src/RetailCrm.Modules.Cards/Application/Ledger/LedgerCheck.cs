using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Cards.Application.Ledger;

/// <summary>A card whose balance or points differ from the sum of its ledger.</summary>
internal sealed record LedgerDifference(Guid CardId, string CardNumber, long Balance, long LedgerBalance, long Points, long LedgerPoints);

internal sealed record LedgerCheckReport(DateTime CheckedAt, int CheckedCards, IReadOnlyList<LedgerDifference> Differences)
{
    public bool Balanced => Differences.Count == 0;
}

/// <summary>
/// Money on cards is a liability: every card's balance must equal the sum of its ledger (and its points the
/// sum of the points column). The check compares them for every card of the tenant and reports each difference.
/// </summary>
internal sealed class LedgerCheck(CardsDbContext db, TimeProvider time, ILogger<LedgerCheck> logger)
{
    public async Task<LedgerCheckReport> RunAsync(CancellationToken cancellationToken)
    {
        // One snapshot for both reads, so that a payment committed between them is not taken for a difference.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var sums = await db.Set<LedgerEntry>().AsNoTracking()
            .GroupBy(e => e.CardId)
            .Select(g => new { CardId = g.Key, Amount = g.Sum(e => e.Amount), Points = g.Sum(e => e.Points) })
            .ToDictionaryAsync(x => x.CardId, cancellationToken);
        var cards = await db.Set<Card>().AsNoTracking().Select(c => new { c.Id, c.Number, c.Balance, c.Points }).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var differences = new List<LedgerDifference>();
        foreach (var card in cards)
        {
            var (amount, points) = sums.TryGetValue(card.Id, out var sum) ? (sum.Amount, sum.Points) : (0L, 0L);
            if (amount != card.Balance || points != card.Points)
            {
                differences.Add(new LedgerDifference(card.Id, Card.Mask(card.Number), card.Balance, amount, card.Points, points));
            }
        }

        if (differences.Count > 0)
        {
            logger.LogError("Ledger check: {Count} of {Cards} card(s) differ from their ledger: {Cards}", differences.Count, cards.Count,
                string.Join(", ", differences.Select(d => $"{d.CardNumber} balance {d.Balance} vs ledger {d.LedgerBalance}, points {d.Points} vs {d.LedgerPoints}")));
        }

        return new LedgerCheckReport(time.GetUtcNow().UtcDateTime, cards.Count, differences);
    }
}

/// <summary>Runs the ledger check daily in every tenant with cards on; differences go to the error log.</summary>
internal sealed class LedgerCheckJob : ICrmJob
{
    public string Name => "cards.ledger-check";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<LedgerCheck>().RunAsync(cancellationToken);
}
