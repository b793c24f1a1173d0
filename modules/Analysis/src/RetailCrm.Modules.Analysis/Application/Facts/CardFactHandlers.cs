using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Contracts.Events;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Analysis.Application.Facts;

/// <summary>
/// Follows the money on cards from the cards module's events: a fact per sold card with its balance now, and a fact
/// per movement. Each movement's id is the ledger entry's (or the payment's) id, so a second delivery adds nothing;
/// a balance is only taken from an event newer than the one it came from, so events arriving out of order do no harm.
/// </summary>
internal sealed class CardFactHandlers(AnalysisDbContext db) :
    IIntegrationEventHandler<CardSoldIntegrationEvent>,
    IIntegrationEventHandler<CardPaidIntegrationEvent>,
    IIntegrationEventHandler<CardPaymentRefundedIntegrationEvent>,
    IIntegrationEventHandler<CardToppedUpIntegrationEvent>,
    IIntegrationEventHandler<CardExchangedIntegrationEvent>,
    IIntegrationEventHandler<CardClosedIntegrationEvent>
{
    public async Task HandleAsync(CardSoldIntegrationEvent e, CancellationToken cancellationToken)
    {
        var card = await CardAsync(e.Card, e.ProductCode, cancellationToken);
        card.StoreCode = e.StoreCode;
        card.SoldAt = e.OccurredAt;
        card.SoldValue = e.Value;
        Move(card, e.Value, e.OccurredAt);
        await EntryAsync(e.Card.CardId, e.Card.CardId, LedgerEntryKind.Issue, e.Value, e.StoreCode, e.ReceiptId, e.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CardPaidIntegrationEvent e, CancellationToken cancellationToken)
    {
        Move(await CardAsync(e.Card, null, cancellationToken), e.BalanceAfter, e.OccurredAt);
        await EntryAsync(e.PaymentId, e.Card.CardId, LedgerEntryKind.Payment, -e.Amount, e.StoreCode, e.ReceiptId, e.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CardPaymentRefundedIntegrationEvent e, CancellationToken cancellationToken)
    {
        Move(await CardAsync(e.Card, null, cancellationToken), e.BalanceAfter, e.OccurredAt);
        await EntryAsync(e.EntryId, e.Card.CardId, e.Reversal ? LedgerEntryKind.Reversal : LedgerEntryKind.Refund, e.Amount, e.StoreCode, e.ReceiptId, e.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CardToppedUpIntegrationEvent e, CancellationToken cancellationToken)
    {
        Move(await CardAsync(e.Card, null, cancellationToken), e.BalanceAfter, e.OccurredAt);
        await EntryAsync(e.EntryId, e.Card.CardId, LedgerEntryKind.TopUp, e.Amount, e.StoreCode, e.ReceiptId, e.OccurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CardExchangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var old = await CardAsync(e.OldCard, null, cancellationToken);
        var replacement = await CardAsync(e.NewCard, old.ProductCode, cancellationToken);
        replacement.StoreCode ??= old.StoreCode;
        replacement.SoldAt ??= old.SoldAt;
        Move(replacement, e.Balance, e.OccurredAt);
        Close(old, e.OccurredAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CardClosedIntegrationEvent e, CancellationToken cancellationToken)
    {
        Close(await CardAsync(e.Card, null, cancellationToken), e.OccurredAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Move(CardFact card, long balanceAfter, DateTime at)
    {
        if (card.IsClosed || (card.LastActivityAt is { } last && last > at))
        {
            return;
        }

        card.Balance = balanceAfter;
        card.LastActivityAt = at;
    }

    private static void Close(CardFact card, DateTime at)
    {
        card.IsClosed = true;
        card.Balance = 0;
        card.LastActivityAt = at;
    }

    private async Task<CardFact> CardAsync(CardAndHolder holder, string? productCode, CancellationToken cancellationToken)
    {
        var card = await db.Set<CardFact>().FirstOrDefaultAsync(c => c.Id == holder.CardId, cancellationToken);
        if (card is null)
        {
            card = new CardFact { Id = holder.CardId, MaskedNumber = holder.MaskedNumber, ProductCode = productCode ?? "" };
            db.Set<CardFact>().Add(card);
        }

        card.CustomerId = holder.CustomerId ?? card.CustomerId;
        if (productCode is not null)
        {
            card.ProductCode = productCode;
        }

        return card;
    }

    private async Task EntryAsync(Guid id, Guid cardId, LedgerEntryKind kind, long amount, string? store, string? receipt, DateTime at, CancellationToken cancellationToken)
    {
        if (!await db.Set<CardEntryFact>().AnyAsync(x => x.Id == id, cancellationToken))
        {
            db.Set<CardEntryFact>().Add(new CardEntryFact { Id = id, CardId = cardId, Kind = kind, Amount = amount, StoreCode = store, ReceiptId = receipt, OccurredAt = at });
        }
    }
}
