using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>
/// Store requests for cards (门店空卡申请): Requested → Approved (maybe fewer) or Rejected; Approved → Shipped (cards
/// InStock at HQ become InTransit to the store); Shipped → Received (InTransit → AtStore; cards that did not arrive
/// stay InTransit and are listed as missing). Every step is one transaction guarded by the request's version.
/// </summary>
internal sealed class StoreRequestService(CardsDbContext db, CardLedger ledger, StockMoves moves, StockPlaces places)
{
    private const int PickAttempts = 3;

    public async Task<Result<StoreRequestView>> CreateAsync(StoreRequestInput input, CancellationToken cancellationToken)
    {
        var store = await places.StoreAsync(input.StoreCode, "storeCode", cancellationToken);
        if (store.Refusal is { } noStore)
        {
            return noStore;
        }

        if (await places.MayActForAsync(store.Value!.Code, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        if (!await db.Set<CardProduct>().AnyAsync(p => p.Id == input.ProductId && p.IsActive, cancellationToken))
        {
            return Refuse.Invalid("productId", "No such active card product.");
        }

        var request = new StoreRequest
        {
            Id = Guid.NewGuid(),
            StoreCode = store.Value!.Code,
            ProductId = input.ProductId!.Value,
            Status = StoreRequestStatus.Requested,
            RequestedQuantity = input.Quantity!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            RequestedBy = moves.UserName,
            RequestedAt = moves.Now,
        };
        db.Set<StoreRequest>().Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return StoreRequestView.From(request, []);
    }

    public async Task<IReadOnlyList<StoreRequestView>> ListAsync(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Set<StoreRequest>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(storeCode))
        {
            var code = storeCode.Trim();
            query = query.Where(r => r.StoreCode == code);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var requests = await query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return requests.Select(r => StoreRequestView.From(r, [])).ToList();
    }

    public async Task<StoreRequestView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.Set<StoreRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : StoreRequestView.From(request, await LinesAsync(id, cancellationToken));
    }

    public Task<Result<StoreRequestView>> ApproveAsync(Guid id, ApprovalInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, StoreRequestStatus.Approved, r =>
        {
            var quantity = input.Quantity ?? r.RequestedQuantity;
            if (quantity > r.RequestedQuantity)
            {
                return Refuse.Invalid("quantity", "At most the {0} requested can be approved.", r.RequestedQuantity);
            }

            r.ApprovedQuantity = quantity;
            return null;
        }, cancellationToken);

    public Task<Result<StoreRequestView>> RejectAsync(Guid id, RejectionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, StoreRequestStatus.Rejected, r =>
        {
            r.RejectionReason = input.Reason!.Trim();
            return null;
        }, cancellationToken);

    /// <summary>
    /// Ships the approved cards from HQ stock. Picked cards move by a conditional update on their status and
    /// location; when a parallel shipment or sale took one of them first, the pick is made again (a few times).
    /// </summary>
    public async Task<Result<StoreRequestView>> ShipAsync(Guid id, ShipmentInput input, CancellationToken cancellationToken)
    {
        var request = await db.Set<StoreRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NoRequest();
        }

        if (request.Status != StoreRequestStatus.Approved)
        {
            return WrongStatus(request, "shipped", "an approved");
        }

        var hq = await places.HeadquartersAsync(cancellationToken);
        if (hq.Refusal is { } noHq)
        {
            return noHq;
        }

        var from = hq.Value!.Code;
        var approved = request.ApprovedQuantity!.Value;
        List<string>? numbers = null;
        if (input.Numbers is { } listed)
        {
            numbers = listed.Select(n => (n ?? "").Trim()).ToList();
            if (numbers.Count == 0 || numbers.Count > approved || numbers.Distinct(StringComparer.Ordinal).Count() != numbers.Count)
            {
                return Refuse.Invalid("numbers", "List 1 to {0} (the approved quantity) different card numbers.", approved);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            List<Card> picked;
            if (numbers is not null)
            {
                picked = await db.Set<Card>().AsNoTracking().Where(c => numbers.Contains(c.Number)).ToListAsync(cancellationToken);
                var wrong = numbers.Where(n => picked.FirstOrDefault(c => c.Number == n) is not { } c
                    || c.ProductId != request.ProductId || c.Status != CardStatus.InStock || c.LocationCode != from).ToList();
                if (wrong.Count > 0)
                {
                    return Refuse.Invalid("numbers", "Not cards of the request's product in stock at {0}: {1}.", from, string.Join(", ", wrong.Select(Card.Mask)));
                }
            }
            else
            {
                picked = await db.Set<Card>().AsNoTracking()
                    .Where(c => c.ProductId == request.ProductId && c.Status == CardStatus.InStock && c.LocationCode == from)
                    .OrderBy(c => c.Number).Take(approved).ToListAsync(cancellationToken);
                if (picked.Count < approved)
                {
                    return Refuse.Conflict("{0} has {1} card(s) of this product in stock; the request needs {2}.", from, picked.Count, approved);
                }
            }

            var outcome = await ledger.AtomicAsync<StoreRequestView>(async () =>
            {
                var tracked = await db.Set<StoreRequest>().FirstAsync(r => r.Id == id, cancellationToken);
                if (tracked.Status != StoreRequestStatus.Approved)
                {
                    return WrongStatus(tracked, "shipped", "an approved");
                }

                if (!await moves.MoveCardsAsync(picked.Select(c => c.Id).ToList(), CardStatus.InStock, from, CardStatus.InTransit, tracked.StoreCode,
                        "store-request:" + id, null, cancellationToken))
                {
                    return Refuse.Conflict("Some of the cards left HQ stock meanwhile.");
                }

                var lines = picked.Select(c => new ShipmentCard { Id = Guid.NewGuid(), StoreRequestId = id, CardId = c.Id, Number = c.Number }).ToList();
                db.Set<ShipmentCard>().AddRange(lines);
                tracked.Status = StoreRequestStatus.Shipped;
                tracked.ShippedQuantity = lines.Count;
                tracked.FromLocationCode = from;
                tracked.ShippedBy = moves.UserName;
                tracked.ShippedAt = moves.Now;
                tracked.Version++;
                return await SaveAsync(tracked, lines, cancellationToken);
            }, cancellationToken);
            if (outcome.Refusal is not { Code: Refuse.ConflictCode } || numbers is not null || attempt == PickAttempts)
            {
                return outcome;
            }
        }
    }

    /// <summary>The store receives the shipment; cards not listed did not arrive and are kept as the request's missing numbers.</summary>
    public async Task<Result<StoreRequestView>> ReceiveAsync(Guid id, StoreReceiptInput input, CancellationToken cancellationToken)
    {
        var request = await db.Set<StoreRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NoRequest();
        }

        if (await places.MayActForAsync(request.StoreCode, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        if (request.Status != StoreRequestStatus.Shipped)
        {
            return WrongStatus(request, "received", "a shipped");
        }

        var lines = await LinesAsync(id, cancellationToken);
        var received = (input.Numbers ?? lines.Select(l => l.Number).ToList()).Select(n => (n ?? "").Trim()).ToList();
        var shipped = lines.ToDictionary(l => l.Number, StringComparer.Ordinal);
        var wrong = received.Where(n => !shipped.ContainsKey(n)).ToList();
        if (wrong.Count > 0 || received.Distinct(StringComparer.Ordinal).Count() != received.Count)
        {
            return Refuse.Invalid("numbers", "Not shipped with this request, or listed twice: {0}.", string.Join(", ", wrong.Select(Card.Mask)));
        }

        return await ledger.AtomicAsync<StoreRequestView>(async () =>
        {
            var tracked = await db.Set<StoreRequest>().FirstAsync(r => r.Id == id, cancellationToken);
            if (tracked.Status != StoreRequestStatus.Shipped)
            {
                return WrongStatus(tracked, "received", "a shipped");
            }

            var arrived = received.Select(n => shipped[n]).ToList();
            if (!await moves.MoveCardsAsync(arrived.Select(l => l.CardId).ToList(), CardStatus.InTransit, tracked.StoreCode, CardStatus.AtStore, tracked.StoreCode,
                    "store-request:" + id, null, cancellationToken))
            {
                return Refuse.Conflict("Some of the shipped cards are no longer in transit.");
            }

            var ids = arrived.Select(l => l.Id).ToList();
            await db.Set<ShipmentCard>().Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Received, true), cancellationToken);
            tracked.Status = StoreRequestStatus.Received;
            tracked.ReceivedQuantity = arrived.Count;
            tracked.ReceivedBy = moves.UserName;
            tracked.ReceivedAt = moves.Now;
            tracked.Version++;
            return await SaveAsync(tracked, await LinesAsync(id, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Settles the cards of a received shipment that never arrived (still in transit to the store): back into HQ
    /// stock, or written off as Void. Each move is logged with the reason.
    /// </summary>
    public async Task<Result<StoreRequestView>> ResolveMissingAsync(Guid id, MissingCardsInput input, CancellationToken cancellationToken)
    {
        var request = await db.Set<StoreRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NoRequest();
        }

        if (request.Status != StoreRequestStatus.Received)
        {
            return WrongStatus(request, "settled for missing cards", "a received");
        }

        var missing = (await LinesAsync(id, cancellationToken)).Where(l => !l.Received).Select(l => l.CardId).ToList();
        var inTransit = await db.Set<Card>().AsNoTracking()
            .Where(c => missing.Contains(c.Id) && c.Status == CardStatus.InTransit && c.LocationCode == request.StoreCode)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        if (inTransit.Count == 0)
        {
            return Refuse.Conflict("No card of this shipment is missing any more.");
        }

        var (to, location) = input.Resolution == MissingCardResolution.ReturnToHq
            ? (CardStatus.InStock, request.FromLocationCode)
            : (CardStatus.Void, (string?)null);
        return await ledger.AtomicAsync<StoreRequestView>(async () =>
        {
            if (!await moves.MoveCardsAsync(inTransit, CardStatus.InTransit, request.StoreCode, to, location, "store-request:" + id, input.Reason!.Trim(), cancellationToken))
            {
                return Refuse.Conflict("The missing cards changed meanwhile; read the request again.");
            }

            await db.SaveChangesAsync(cancellationToken);
            return StoreRequestView.From(request, await LinesAsync(id, cancellationToken));
        }, cancellationToken);
    }

    private async Task<Result<StoreRequestView>> DecideAsync(Guid id, StoreRequestStatus to, Func<StoreRequest, Refusal?> apply, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var request = await db.Set<StoreRequest>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NoRequest();
        }

        if (request.Status != StoreRequestStatus.Requested)
        {
            return WrongStatus(request, to == StoreRequestStatus.Approved ? "approved" : "rejected", "a new");
        }

        if (apply(request) is { } refused)
        {
            return refused;
        }

        request.Status = to;
        request.DecidedBy = moves.UserName;
        request.DecidedAt = moves.Now;
        request.Version++;
        return await SaveAsync(request, [], cancellationToken);
    }

    private async Task<Result<StoreRequestView>> SaveAsync(StoreRequest request, IReadOnlyList<ShipmentCard> lines, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refuse.Conflict("The request changed meanwhile; read it again.");
        }

        return StoreRequestView.From(request, lines);
    }

    private async Task<IReadOnlyList<ShipmentCard>> LinesAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ShipmentCard>().AsNoTracking().Where(l => l.StoreRequestId == id).ToListAsync(cancellationToken);

    private static Refusal WrongStatus(StoreRequest request, string action, string needed) =>
        Refuse.Conflict("The request is {0}; only " + needed + " request can be " + action + ".", request.Status);

    private static Refusal NoRequest() => Refuse.NotFound("No such store request.");
}
