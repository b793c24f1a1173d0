using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Selling;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>
/// Card exchange (换卡) at HQ or a store: a damaged or lost card is replaced by a card of the same product from that
/// location's stock (HQ: InStock; a store: AtStore there). Holder, balance, points and PIN move to the new card, the
/// old card becomes Void; both through ledger entries in one transaction, so each card's balance stays the sum of its
/// ledger. The exchange fee is a counter charge; the deposit held for the old card moves to the new one.
/// <para>
/// Why no money is lost to a racing payment: the first statement is a zero move of the old card through
/// <see cref="CardLedger.MoveAsync"/> (a conditional UPDATE on its status), which locks the row until commit
/// (PostgreSQL) or runs alone (SQLite). The balance read after it cannot change under the exchange; a payment queued
/// behind it re-checks its own WHERE (status Active) on the committed row, finds the card Void and is refused.
/// </para>
/// </summary>
internal sealed class ExchangeService(
    CardsDbContext db,
    CardLedger ledger,
    CounterCharges charges,
    StockPlaces places,
    ICurrentUser user,
    IEventBus events,
    TimeProvider time)
{
    private const int PickAttempts = 20;

    public async Task<Result<ExchangeView>> ExchangeAsync(string oldNumber, ExchangeInput input, CancellationToken cancellationToken)
    {
        var number = oldNumber.Trim();
        var old = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (old is null)
        {
            return Refuse.NotFound("No such card.");
        }

        if (!Card.HoldsValue(old.Status))
        {
            return CardTransition.VoidByExchange.Refusal(old.Status);
        }

        var found = await places.LocationAsync(input.LocationCode, "locationCode", cancellationToken);
        if (found.IsRefused)
        {
            return found.Refusal;
        }

        var location = found.Value;

        var atHeadOffice = location.Type == OrganizationUnitType.Headquarters;
        if (input.Pin is not null && !Pins.IsWellFormed(input.Pin))
        {
            return Refuse.Invalid("pin", "A PIN has 4 to 8 digits.");
        }

        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == old.ProductId, cancellationToken);
        Card? chosen = null;
        if (!string.IsNullOrWhiteSpace(input.NewNumber))
        {
            var newNumber = input.NewNumber.Trim();
            chosen = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == newNumber, cancellationToken);
            if (chosen is null)
            {
                return Refuse.Invalid("newNumber", "No such card.");
            }

            if (chosen.ProductId != old.ProductId)
            {
                return Refuse.Invalid("newNumber", "The new card must be of the old card's product.");
            }

            if (!InStockAt(chosen, atHeadOffice, location.Code))
            {
                return Refuse.Invalid("newNumber", "The card is not in the stock of {0}.", location.Code);
            }
        }

        var pinHash = input.Pin is null ? null : Pins.Hash(input.Pin);
        return await ledger.AtomicAsync<ExchangeView>(async () =>
        {
            // Locks the old card (see the class comment) and reads the money that moves.
            if (await ledger.MoveAsync(LedgerMove.Lock(old.Id), cancellationToken, Card.HoldingValue) is not { } locked)
            {
                var now = await db.Set<Card>().AsNoTracking().Where(c => c.Id == old.Id).Select(c => c.Status).FirstAsync(cancellationToken);
                return Refuse.CardNotActive("The card is {0}; it cannot be exchanged.", now);
            }

            var (balance, points) = locked.After;
            var current = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == old.Id, cancellationToken);
            var at = time.GetUtcNow().UtcDateTime;
            var sale = CardSale.Of(product, current.HolderCustomerId, current.HolderCode, pinHash ?? current.PinHash, location.Code, at);
            var stock = LocationStock(db.Set<Card>(), atHeadOffice, location.Code).Where(c => c.ProductId == old.ProductId && c.Id != old.Id);
            var taken = chosen is not null
                ? await StockCardSales.TakeAsync(stock, chosen.Id, sale, cancellationToken) ? chosen : null
                : await PickAsync(stock, sale, cancellationToken);
            if (taken is null)
            {
                return chosen is not null
                    ? Refuse.Invalid("newNumber", "The card left the stock of {0} meanwhile.", location.Code)
                    : Refuse.Invalid("locationCode", "{0} has no card of product {1} in stock.", location.Code, product.Code);
            }

            // Old card: everything out, then void. New card: issued, then everything in.
            _ = await ledger.MoveAsync(new LedgerMove(old.Id, input.ReceiptId, location.Code,
                [new LedgerLine(LedgerEntryKind.Adjustment, -balance, -points) { Reference = "exchange:" + taken.Number }]), cancellationToken)
                ?? throw new InvalidOperationException("The locked card could not be emptied.");
            await db.Set<Card>().Where(c => c.Id == old.Id).Where(CardTransition.VoidByExchange.Applies).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CardTransition.VoidByExchange.To)
                .SetProperty(c => c.StatusChangedAt, at)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            _ = await ledger.MoveAsync(new LedgerMove(taken.Id, input.ReceiptId, location.Code,
                [new LedgerLine(LedgerEntryKind.Issue) { Reference = "exchange:" + old.Number }, new LedgerLine(LedgerEntryKind.Adjustment, balance, points) { Reference = "exchange:" + old.Number }]),
                cancellationToken) ?? throw new InvalidOperationException("The new card could not be filled.");

            charges.Add(taken.Id, CardChargeKind.ExchangeFee, product.ExchangeFee, product.Currency, location.Code, input.ReceiptId, "exchange:" + old.Number);

            // The deposit follows the card: paid back on the old one and taken on the new one (no cash moves, the two
            // charges net to zero at the counter), so that closing the new card pays it back.
            var deposit = await charges.DepositHeldAsync(old.Id, cancellationToken);
            if (deposit > 0)
            {
                charges.Add(old.Id, CardChargeKind.DepositRefund, -deposit, product.Currency, location.Code, input.ReceiptId, "exchange:" + taken.Number);
                charges.Add(taken.Id, CardChargeKind.Deposit, deposit, product.Currency, location.Code, input.ReceiptId, "exchange:" + old.Number);
            }

            var exchange = new CardExchange
            {
                Id = Guid.NewGuid(),
                OldCardId = old.Id,
                OldNumber = old.Number,
                NewCardId = taken.Id,
                NewNumber = taken.Number,
                OldStatus = current.Status,
                LocationCode = location.Code,
                Balance = balance,
                Points = points,
                Fee = product.ExchangeFee,
                ReceiptId = string.IsNullOrWhiteSpace(input.ReceiptId) ? null : input.ReceiptId.Trim(),
                Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
                UserName = user.UserName ?? "system",
                ExchangedAt = at,
            };
            db.Set<CardExchange>().Add(exchange);
            events.Publish(CardEvents.Exchanged(exchange, current, product.Currency));
            await db.SaveChangesAsync(cancellationToken);
            var newCard = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == taken.Id, cancellationToken);
            return ExchangeView.From(exchange, CardView.From(newCard));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ExchangeView>> ListAsync(string? number, CancellationToken cancellationToken)
    {
        var query = db.Set<CardExchange>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(number))
        {
            var wanted = number.Trim();
            query = query.Where(x => x.OldNumber == wanted || x.NewNumber == wanted);
        }

        var exchanges = await query.ToListAsync(cancellationToken);
        return exchanges.OrderByDescending(x => x.ExchangedAt).Select(x => ExchangeView.From(x)).ToList();
    }

    /// <summary>Tries the location's stock of the product in number order until one card is taken.</summary>
    private static async Task<Card?> PickAsync(IQueryable<Card> stock, CardSale sale, CancellationToken cancellationToken)
    {
        var candidates = await stock.AsNoTracking().Where(c => c.Balance == 0 && c.Points == 0).OrderBy(c => c.Number).Take(PickAttempts).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            if (await StockCardSales.TakeAsync(stock, candidate.Id, sale, cancellationToken))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Blank cards (no balance, no points) a location can hand out: InStock at the head office, AtStore at a store.
    /// The exchange takes from it and the desk's exchange form offers from it.
    /// </summary>
    internal static IQueryable<Card> LocationStock(IQueryable<Card> cards, bool atHeadOffice, string locationCode)
    {
        var blank = cards.Where(c => c.Balance == 0 && c.Points == 0);
        return atHeadOffice
            ? blank.Where(c => c.Status == CardStatus.InStock)
            : blank.Where(c => c.Status == CardStatus.AtStore && c.LocationCode == locationCode);
    }

    private static bool InStockAt(Card card, bool atHeadOffice, string locationCode) =>
        atHeadOffice
            ? card.Status == CardStatus.InStock
            : card.Status == CardStatus.AtStore && string.Equals(card.LocationCode, locationCode, StringComparison.OrdinalIgnoreCase);
}
