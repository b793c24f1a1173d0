using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>
/// Stock-take (盘点) of one location: Open (snapshot of the cards InStock/AtStore there and its blanks) → Counted
/// (counted numbers and blanks submitted; may be submitted again) → Closed (missing and unexpected numbers and
/// blank differences kept) → WrittenOff (missing cards still there made Void, missing blanks taken off the stock).
/// </summary>
internal sealed class StockTakeService(CardsDbContext db, CardLedger ledger, StockMoves moves, StockPlaces places)
{
    private static readonly CardStatus[] StockStatuses = [CardStatus.InStock, CardStatus.AtStore];

    public async Task<Result<StockTakeView>> OpenAsync(StockTakeInput input, CancellationToken cancellationToken)
    {
        var place = await places.LocationAsync(input.LocationCode, "locationCode", cancellationToken);
        if (place.Refusal is { } noPlace)
        {
            return noPlace;
        }

        var location = place.Value!.Code;
        if (await places.MayActForAsync(location, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<StockTake>().AnyAsync(t => t.LocationCode == location && (t.Status == StockTakeStatus.Open || t.Status == StockTakeStatus.Counted), cancellationToken))
        {
            return OpenAlready(location);
        }

        return await ledger.AtomicAsync<StockTakeView>(async () =>
        {
            var expected = await db.Set<Card>().AsNoTracking().Where(c => c.LocationCode == location && StockStatuses.Contains(c.Status))
                .Select(c => new { c.Id, c.Number, c.ProductId }).ToListAsync(cancellationToken);
            var blanks = await db.Set<BlankStock>().AsNoTracking().Where(b => b.LocationCode == location).ToListAsync(cancellationToken);
            var take = new StockTake
            {
                Id = Guid.NewGuid(),
                LocationCode = location,
                Status = StockTakeStatus.Open,
                ExpectedCards = expected.Count,
                OpenedBy = moves.UserName,
                OpenedAt = moves.Now,
            };
            var cards = expected.Select(c => new StockTakeCard { Id = Guid.NewGuid(), StockTakeId = take.Id, Number = c.Number, CardId = c.Id, ProductId = c.ProductId, Expected = true }).ToList();
            var blankLines = blanks.Select(b => new StockTakeBlank { Id = Guid.NewGuid(), StockTakeId = take.Id, ProductId = b.ProductId, Expected = b.Quantity }).ToList();
            db.Set<StockTake>().Add(take);
            db.Set<StockTakeCard>().AddRange(cards);
            db.Set<StockTakeBlank>().AddRange(blankLines);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another clerk opened one at the same moment: the unique index on open stock-takes decided.
                return OpenAlready(location);
            }

            return StockTakeView.From(take, cards, blankLines);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StockTakeView>> ListAsync(string? locationCode, CancellationToken cancellationToken)
    {
        var query = db.Set<StockTake>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(locationCode))
        {
            var code = locationCode.Trim();
            query = query.Where(t => t.LocationCode == code);
        }

        var takes = await query.OrderByDescending(t => t.OpenedAt).Take(200).ToListAsync(cancellationToken);
        return takes.Select(t => StockTakeView.From(t, [], [])).ToList();
    }

    public async Task<StockTakeView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var take = await db.Set<StockTake>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return take is null ? null : await ViewAsync(take, cancellationToken);
    }

    /// <summary>Records what was counted, replacing an earlier count of the same stock-take.</summary>
    public async Task<Result<StockTakeView>> CountAsync(Guid id, StockCountInput input, CancellationToken cancellationToken)
    {
        var numbers = input.Numbers!.Select(n => n?.Trim() ?? "").ToList();
        if (numbers.Any(n => n.Length is 0 or > 32) || numbers.Distinct(StringComparer.Ordinal).Count() != numbers.Count)
        {
            return Refuse.Invalid("numbers", "Every counted number is 1 to 32 characters and listed once.");
        }

        var blanks = input.Blanks ?? [];
        if (blanks.Select(b => b.ProductId).Distinct().Count() != blanks.Count)
        {
            return Refuse.Invalid("blanks", "A product is listed twice.");
        }

        var productIds = blanks.Select(b => b.ProductId!.Value).ToList();
        if (await db.Set<CardProduct>().CountAsync(p => productIds.Contains(p.Id), cancellationToken) != productIds.Count)
        {
            return Refuse.Invalid("blanks", "No such card product.");
        }

        return await ledger.AtomicAsync<StockTakeView>(async () =>
        {
            var found = await TrackedForActionAsync(id, cancellationToken);
            if (found.IsRefused)
            {
                return found.Refusal;
            }

            var take = found.Value;

            if (take.Status is not (StockTakeStatus.Open or StockTakeStatus.Counted))
            {
                return Refuse.Conflict("The stock-take is {0}; counts are taken while it is open.", take.Status);
            }

            await db.Set<StockTakeCard>().Where(c => c.StockTakeId == id && !c.Expected).ExecuteDeleteAsync(cancellationToken);
            await db.Set<StockTakeCard>().Where(c => c.StockTakeId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Counted, false), cancellationToken);
            var lines = await db.Set<StockTakeCard>().Where(c => c.StockTakeId == id).ToListAsync(cancellationToken);
            var byNumber = lines.ToDictionary(l => l.Number, StringComparer.Ordinal);
            var unknown = numbers.Where(n => !byNumber.ContainsKey(n)).ToList();
            var known = await db.Set<Card>().AsNoTracking().Where(c => unknown.Contains(c.Number))
                .Select(c => new { c.Id, c.Number, c.ProductId }).ToDictionaryAsync(c => c.Number, StringComparer.Ordinal, cancellationToken);
            foreach (var number in numbers)
            {
                if (byNumber.TryGetValue(number, out var line))
                {
                    line.Counted = true;
                    continue;
                }

                var card = known.GetValueOrDefault(number);
                db.Set<StockTakeCard>().Add(new StockTakeCard { Id = Guid.NewGuid(), StockTakeId = id, Number = number, CardId = card?.Id, ProductId = card?.ProductId, Counted = true });
            }

            var blankLines = await db.Set<StockTakeBlank>().Where(b => b.StockTakeId == id).ToListAsync(cancellationToken);
            foreach (var line in blankLines)
            {
                line.Counted = blanks.FirstOrDefault(b => b.ProductId == line.ProductId)?.Quantity ?? 0;
            }

            foreach (var counted in blanks.Where(b => blankLines.All(l => l.ProductId != b.ProductId)))
            {
                db.Set<StockTakeBlank>().Add(new StockTakeBlank { Id = Guid.NewGuid(), StockTakeId = id, ProductId = counted.ProductId!.Value, Counted = counted.Quantity });
            }

            take.Status = StockTakeStatus.Counted;
            take.CountedCards = numbers.Count;
            take.CountedAt = moves.Now;
            take.Version++;
            if (await SaveAsync(cancellationToken) is { } conflict)
            {
                return conflict;
            }

            return await ViewAsync(take, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Compares the count with the snapshot and keeps the differences.</summary>
    public Task<Result<StockTakeView>> CloseAsync(Guid id, CancellationToken cancellationToken) =>
        ledger.AtomicAsync<StockTakeView>(async () =>
        {
            var found = await TrackedForActionAsync(id, cancellationToken);
            if (found.IsRefused)
            {
                return found.Refusal;
            }

            var take = found.Value;

            if (take.Status != StockTakeStatus.Counted)
            {
                return take.Status == StockTakeStatus.Open
                    ? Refuse.Conflict("Nothing was counted yet; submit the count first.")
                    : Refuse.Conflict("The stock-take is {0} already.", take.Status);
            }

            var lines = await db.Set<StockTakeCard>().AsNoTracking().Where(c => c.StockTakeId == id).ToListAsync(cancellationToken);
            take.MissingCards = lines.Count(l => l.Expected && !l.Counted);
            take.UnexpectedCards = lines.Count(l => !l.Expected && l.Counted);
            take.Status = StockTakeStatus.Closed;
            take.ClosedAt = moves.Now;
            take.Version++;
            if (await SaveAsync(cancellationToken) is { } conflict)
            {
                return conflict;
            }

            return await ViewAsync(take, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Confirms the loss: missing cards still in stock at the location become Void with the reason (cards that moved
    /// since, e.g. sold, are left alone) and missing blanks are taken off the location's blank stock.
    /// </summary>
    public Task<Result<StockTakeView>> WriteOffAsync(Guid id, WriteOffInput input, CancellationToken cancellationToken) =>
        ledger.AtomicAsync<StockTakeView>(async () =>
        {
            var found = await TrackedForActionAsync(id, cancellationToken);
            if (found.IsRefused)
            {
                return found.Refusal;
            }

            var take = found.Value;

            if (take.Status != StockTakeStatus.Closed)
            {
                return Refuse.Conflict("The stock-take is {0}; only a closed stock-take can be written off.", take.Status);
            }

            var reason = input.Reason!.Trim();
            var missing = await db.Set<StockTakeCard>().AsNoTracking().Where(c => c.StockTakeId == id && c.Expected && !c.Counted && c.CardId != null)
                .Select(c => c.CardId!.Value).ToListAsync(cancellationToken);
            var stillThere = await db.Set<Card>().AsNoTracking().Where(c => missing.Contains(c.Id) && c.LocationCode == take.LocationCode && StockStatuses.Contains(c.Status))
                .Select(c => new { c.Id, c.Status }).ToListAsync(cancellationToken);
            foreach (var group in stillThere.GroupBy(c => c.Status))
            {
                if (!await moves.MoveCardsAsync(group.Select(c => c.Id).ToList(), group.Key, take.LocationCode, CardStatus.Void, take.LocationCode,
                        "stock-take:" + id, reason, cancellationToken))
                {
                    return Refuse.Conflict("Some of the missing cards moved meanwhile; try again.");
                }
            }

            var shortBlanks = await db.Set<StockTakeBlank>().AsNoTracking().Where(b => b.StockTakeId == id && b.Counted < b.Expected).ToListAsync(cancellationToken);
            foreach (var blank in shortBlanks)
            {
                var taken = blank.Expected - blank.Counted!.Value;
                if (!await moves.MoveBlanksAsync(take.LocationCode, blank.ProductId, -taken, cancellationToken))
                {
                    return Refuse.Conflict("The location's blank stock is already below the counted quantity.");
                }
            }

            take.Status = StockTakeStatus.WrittenOff;
            take.WriteOffReason = reason;
            take.WrittenOffAt = moves.Now;
            take.Version++;
            if (await SaveAsync(cancellationToken) is { } conflict)
            {
                return conflict;
            }

            return await ViewAsync(take, cancellationToken);
        }, cancellationToken);

    private async Task<StockTakeView> ViewAsync(StockTake take, CancellationToken cancellationToken)
    {
        var cards = await db.Set<StockTakeCard>().AsNoTracking().Where(c => c.StockTakeId == take.Id).ToListAsync(cancellationToken);
        var blanks = await db.Set<StockTakeBlank>().AsNoTracking().Where(b => b.StockTakeId == take.Id).ToListAsync(cancellationToken);
        return StockTakeView.From(take, cards, blanks);
    }

    private async Task<Refusal?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refuse.Conflict("The stock-take changed meanwhile; read it again.");
        }
    }

    /// <summary>The stock-take, tracked, when it exists and the user may act for its location.</summary>
    private async Task<Result<StockTake>> TrackedForActionAsync(Guid id, CancellationToken cancellationToken)
    {
        var take = await db.Set<StockTake>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (take is null)
        {
            return NoTake();
        }

        return await places.MayActForAsync(take.LocationCode, cancellationToken) is { } forbidden ? forbidden : take;
    }

    private static Refusal OpenAlready(string location) => Refuse.Conflict("A stock-take of {0} is open already; close it first.", location);

    private static Refusal NoTake() => Refuse.NotFound("No such stock-take.");
}
