using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Cards.Application.Points;

/// <summary>
/// A purchase recorded by members earns points on the customer's active card (a membership card first) by its
/// product's rule, once per purchase however often the event is delivered. Purchases paid by card earn
/// on the card payment already, so tender <c>card</c> earns nothing here.
/// </summary>
internal sealed class PurchasePointsHandler(CardsDbContext db, CardLedger ledger) : IIntegrationEventHandler<PurchaseRecordedIntegrationEvent>
{
    public async Task HandleAsync(PurchaseRecordedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Amount <= 0 || string.Equals(integrationEvent.Tender, "card", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var candidates = await (
            from card in db.Set<Card>().AsNoTracking()
            join product in db.Set<CardProduct>().AsNoTracking() on card.ProductId equals product.Id
            where card.HolderCustomerId == integrationEvent.CustomerId && card.Status == CardStatus.Active
                && product.PointsPerUnit > 0 && product.Currency == integrationEvent.Currency
            select new { Card = card, Product = product }).ToListAsync(cancellationToken);
        var chosen = candidates
            .OrderBy(x => x.Product.Kind == CardKind.Membership ? 0 : 1)
            .ThenBy(x => x.Card.ActivatedAt)
            .FirstOrDefault();
        if (chosen is null)
        {
            return;
        }

        var points = chosen.Product.PointsFor(integrationEvent.Amount);
        if (points <= 0)
        {
            return;
        }

        var reference = $"purchase:{integrationEvent.PurchaseId}";
        await ledger.AtomicAsync<bool>(async () =>
        {
            // Points first (locks the card), then the look for an earlier delivery of the same purchase.
            var earned = new LedgerLine(LedgerEntryKind.PointsEarn, Points: points) { Reference = reference };
            if (await ledger.MoveAsync(new LedgerMove(chosen.Card.Id, integrationEvent.ReceiptId, integrationEvent.StoreCode, [earned]), cancellationToken,
                    c => c.Status == CardStatus.Active) is null)
            {
                return Refuse.CardNotActive("The card stopped meanwhile.");
            }

            if (await db.Set<LedgerEntry>().AnyAsync(e => e.Reference == reference, cancellationToken))
            {
                return Refuse.Conflict("Points for this purchase were earned already.");
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }
}
