using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>
/// Card production (卡制作): a run takes N blanks from HQ blank stock and encodes the next N serials of the
/// product onto them (status <see cref="CardStatus.Produced"/> at HQ); the quality check then puts them away
/// (<see cref="CardStatus.InStock"/>) or spoils them (<see cref="CardStatus.Void"/>, with a reason). Quick numbering
/// (<c>POST /api/cards/cards</c>) is a run without blanks, put away at once. The only place card numbers are made.
/// </summary>
internal sealed class ProductionService(CardsDbContext db, CardLedger ledger, StockMoves moves, StockPlaces places)
{
    /// <summary>Quick numbering straight into HQ stock (no blanks, no quality check); the run is recorded all the same.</summary>
    public async Task<Result<IReadOnlyList<CardView>>> NumberIntoStockAsync(Guid productId, int quantity, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(productId, quantity, usesBlanks: false, cancellationToken);
        return outcome.Refusal is { } refused ? refused : outcome.Value!.Cards.Select(c => CardView.From(c)).ToList();
    }

    /// <summary>A production run from HQ blanks.</summary>
    public async Task<Result<ProductionView>> ProduceAsync(ProductionInput input, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(input.ProductId!.Value, input.Quantity!.Value, usesBlanks: true, cancellationToken);
        return outcome.Refusal is { } refused ? refused : (await GetAsync(outcome.Value!.Run.Id, cancellationToken))!;
    }

    public async Task<IReadOnlyList<ProductionView>> ListAsync(Guid? productId, CancellationToken cancellationToken)
    {
        var query = db.Set<ProductionOrder>().AsNoTracking();
        if (productId is { } p)
        {
            query = query.Where(o => o.ProductId == p);
        }

        var runs = await query.OrderByDescending(o => o.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return runs.Select(r => ProductionView.From(r, [])).ToList();
    }

    public async Task<ProductionView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.Set<ProductionOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var byStatus = await RunCards(run).GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return ProductionView.From(run, byStatus.OrderBy(s => s.Status).Select(s => new StatusCount(s.Status, s.Count)).ToList());
    }

    /// <summary>
    /// The quality check of a run: the spoiled numbers become void with their reason, the others listed (or, with
    /// no list, all still produced) go into HQ stock. Only produced cards of this run qualify; anything else is refused whole.
    /// </summary>
    public async Task<Result<ProductionView>> PutAwayAsync(Guid id, PutAwayInput input, CancellationToken cancellationToken)
    {
        var run = await db.Set<ProductionOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (run is null)
        {
            return Refuse.NotFound("No such production run.");
        }

        var spoiled = (input.Spoiled ?? []).ToDictionary(s => s.Number!.Trim(), s => s.Reason!.Trim(), StringComparer.Ordinal);
        if (spoiled.Count != (input.Spoiled?.Count ?? 0))
        {
            return Refuse.Invalid("spoiled", "A number is listed twice.");
        }

        var produced = await RunCards(run).Where(c => c.Status == CardStatus.Produced).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken);
        var byNumber = produced.ToDictionary(c => c.Number, c => c.Id, StringComparer.Ordinal);
        var notProduced = spoiled.Keys.Where(n => !byNumber.ContainsKey(n)).ToList();
        if (notProduced.Count > 0)
        {
            return Refuse.Invalid("spoiled", "Not produced cards of this run: {0}.", string.Join(", ", notProduced.Select(Card.Mask)));
        }

        List<string> putAway;
        if (input.Numbers is { } listed)
        {
            putAway = listed.Select(n => (n ?? "").Trim()).ToList();
            var wrong = putAway.Where(n => !byNumber.ContainsKey(n) || spoiled.ContainsKey(n)).ToList();
            if (wrong.Count > 0 || putAway.Distinct(StringComparer.Ordinal).Count() != putAway.Count)
            {
                return Refuse.Invalid("numbers", "Not produced cards of this run, listed twice or also spoiled: {0}.", string.Join(", ", wrong.Select(Card.Mask)));
            }
        }
        else
        {
            putAway = byNumber.Keys.Where(n => !spoiled.ContainsKey(n)).ToList();
        }

        if (putAway.Count == 0 && spoiled.Count == 0)
        {
            return Refuse.Conflict("The run has no produced cards left to check.");
        }

        var reference = "production:" + run.Id;
        var outcome = await ledger.AtomicAsync<bool>(async () =>
        {
            if (!await moves.MoveCardsAsync(putAway.Select(n => byNumber[n]).ToList(), CardStatus.Produced, run.LocationCode, CardStatus.InStock, run.LocationCode,
                    reference, null, cancellationToken))
            {
                return Moved();
            }

            foreach (var (number, reason) in spoiled)
            {
                if (!await moves.MoveCardsAsync([byNumber[number]], CardStatus.Produced, run.LocationCode, CardStatus.Void, run.LocationCode, reference, reason, cancellationToken))
                {
                    return Moved();
                }
            }

            var rows = await db.Set<ProductionOrder>().Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.ProducedCount, o => o.ProducedCount - putAway.Count - spoiled.Count)
                .SetProperty(o => o.PutAwayCount, o => o.PutAwayCount + putAway.Count)
                .SetProperty(o => o.SpoiledCount, o => o.SpoiledCount + spoiled.Count)
                .SetProperty(o => o.UpdatedAt, moves.Now)
                .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return rows == 1;
        }, cancellationToken);
        return outcome.Refusal is { } refused ? refused : (await GetAsync(id, cancellationToken))!;

        static Refusal Moved() => Refuse.Conflict("Some of the cards were checked meanwhile; read the run again.");
    }

    private sealed record Produced(ProductionOrder Run, IReadOnlyList<Card> Cards);

    private async Task<Result<Produced>> RunAsync(Guid productId, int quantity, bool usesBlanks, CancellationToken cancellationToken)
    {
        var product = await db.Set<CardProduct>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return Refuse.Invalid("productId", "No such card product.");
        }

        if (!product.IsActive)
        {
            return Refuse.Invalid("productId", "The product is not active.");
        }

        var hq = await places.HeadquartersAsync(cancellationToken);
        if (hq.Refusal is { } noHq)
        {
            return noHq;
        }

        var location = hq.Value!.Code;
        var status = usesBlanks ? CardStatus.Produced : CardStatus.InStock;
        var max = CardNumbers.MaxSerial(product.NumberPrefix, product.NumberLength);
        return await ledger.AtomicAsync<Produced>(async () =>
        {
            // Blanks first: the conditional update locks the stock row, so parallel runs queue here and never share blanks.
            if (usesBlanks && !await moves.MoveBlanksAsync(location, productId, -quantity, cancellationToken))
            {
                var left = await moves.BlanksAsync(location, productId, cancellationToken);
                return Refuse.Invalid("quantity", "HQ ({0}) has {1} blank(s) of this product; the run needs {2}.", location, left, quantity);
            }

            // One conditional update reserves the serials; parallel requests get disjoint ranges.
            var reserved = await db.Set<CardProduct>().Where(p => p.Id == productId && p.NextSerial + quantity - 1 <= max)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSerial, p => p.NextSerial + quantity), cancellationToken);
            if (reserved == 0)
            {
                return Refuse.Invalid("quantity", "The product's number range ({0}, {1} digits) has not that many numbers left.", product.NumberPrefix, product.NumberLength);
            }

            var next = await db.Set<CardProduct>().AsNoTracking().Where(p => p.Id == productId).Select(p => p.NextSerial).FirstAsync(cancellationToken);
            var first = next - quantity;
            var now = moves.Now;
            var cards = Enumerable.Range(0, quantity).Select(i => new Card
            {
                Id = Guid.NewGuid(),
                Number = CardNumbers.Format(product.NumberPrefix, product.NumberLength, first + i),
                ProductId = productId,
                Status = status,
                LocationCode = location,
                Currency = product.Currency,
                CreatedAt = now,
                StatusChangedAt = now,
            }).ToList();
            var run = new ProductionOrder
            {
                Id = Guid.NewGuid(),
                ProductId = productId,
                LocationCode = location,
                UsesBlanks = usesBlanks,
                Quantity = quantity,
                FirstSerial = first,
                FirstNumber = cards[0].Number,
                LastNumber = cards[^1].Number,
                ProducedCount = usesBlanks ? quantity : 0,
                PutAwayCount = usesBlanks ? 0 : quantity,
                UserName = moves.UserName,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Set<Card>().AddRange(cards);
            db.Set<ProductionOrder>().Add(run);
            foreach (var card in cards)
            {
                moves.Log(card.Id, null, null, status, location, "production:" + run.Id);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Refuse.Conflict("Some of the numbers exist already (another product shares the prefix); change the product's prefix.");
            }

            return new Produced(run, cards);
        }, cancellationToken);
    }

    /// <summary>
    /// The cards of a run: its product's numbers from the first to the last. Numbers of one product have one
    /// length and prefix, so their text order is their serial order.
    /// </summary>
    private IQueryable<Card> RunCards(ProductionOrder run)
    {
        var (first, last) = (run.FirstNumber, run.LastNumber);
        return db.Set<Card>().AsNoTracking().Where(c => c.ProductId == run.ProductId
            && c.Number.CompareTo(first) >= 0 && c.Number.CompareTo(last) <= 0);
    }
}
