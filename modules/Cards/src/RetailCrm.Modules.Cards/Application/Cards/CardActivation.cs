using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// Store sale (门店售卡): the card leaves stock for a member, with an optional first top-up within the product's limits.
/// A card in a store's stock is sold by that store only (field storeCode); a card in HQ stock by anyone with the Sell
/// permission. The product's fee and deposit are taken at the counter and recorded as charges (not off the card).
/// </summary>
internal sealed class CardActivation(CardsDbContext db, CardQueries cards, CardLedger ledger, CounterCharges charges, ICustomerLookup customers, IEventBus events, TimeProvider time)
{
    public async Task<Result<CardView>> ActivateAsync(string number, ActivationInput input, CancellationToken cancellationToken)
    {
        if (await cards.FindAsync(number, cancellationToken) is not { } found)
        {
            return Refuse.NotFound("No such card.");
        }

        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == found.ProductId, cancellationToken);
        if (found.WhyNotSellableBy(input.StoreCode) is { } notSellable)
        {
            return notSellable;
        }

        if (!product.IsActive)
        {
            return Refuse.Conflict("The card's product is not active.");
        }

        var member = await customers.FindByCodeAsync(input.MemberCode!.Trim(), cancellationToken);
        if (member is null)
        {
            return Refuse.Invalid("memberCode", "No customer of this tenant has this code.");
        }

        if (product.PinRequired && !Pins.IsWellFormed(input.Pin))
        {
            return Refuse.Invalid("pin", "The product needs a PIN of 4 to 8 digits.");
        }

        if (!product.PinRequired && input.Pin is not null && !Pins.IsWellFormed(input.Pin))
        {
            return Refuse.Invalid("pin", "A PIN has 4 to 8 digits.");
        }

        var initial = input.InitialTopUp ?? 0;
        if (initial > 0 && product.WhyNotTopUp(initial, "initialTopUp") is { } limit)
        {
            return limit;
        }

        var pinHash = input.Pin is null ? null : Pins.Hash(input.Pin);
        return await ledger.AtomicAsync<CardView>(async () =>
        {
            var card = await db.Set<Card>().FirstAsync(c => c.Id == found.Id, cancellationToken);
            var sale = CardSale.Of(product, member.Id, member.Code, pinHash, input.StoreCode, time.GetUtcNow().UtcDateTime);
            if (card.Activate(sale) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refuse.Conflict("The card was changed meanwhile; try again.");
            }

            LedgerLine[] lines = initial > 0
                ? [Issued(product), new LedgerLine(LedgerEntryKind.TopUp, initial)]
                : [Issued(product)];
            _ = await ledger.MoveAsync(new LedgerMove(card.Id, input.ReceiptId, input.StoreCode, lines), cancellationToken, c => c.Status == CardStatus.Active)
                ?? throw new InvalidOperationException("The card just sold is not active.");
            var taken = charges.Sale(card.Id, product, input.StoreCode, input.ReceiptId, "sale");
            events.Publish(CardEvents.Sold(card.Id, card.Number, product, sale, initial, input.ReceiptId));
            await db.SaveChangesAsync(cancellationToken);
            var sold = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
            return CardView.From(sold) with { Charges = taken.Select(ChargeView.From).ToList() };
        }, cancellationToken);
    }

    private static LedgerLine Issued(CardProduct product) =>
        new(LedgerEntryKind.Issue) { Reference = $"fee {product.Fee}, deposit {product.Deposit} {product.Currency}" };
}
