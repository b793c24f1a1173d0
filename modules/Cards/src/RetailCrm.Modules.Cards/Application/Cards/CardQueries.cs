using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>One card in a list: number masked, with its product's name.</summary>
internal sealed record CardRow(Guid Id, string MaskedNumber, string ProductCode, string ProductName, CardStatus Status, Guid? HolderCustomerId, string? HolderCode,
    long Balance, long Points, string Currency, DateTime? ActivatedAt);

/// <summary>A page of <see cref="CardRow"/>s.</summary>
internal sealed record CardRows(IReadOnlyList<CardRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One card with its product, as the card pages show it (the full number is the caller's to mask).</summary>
internal sealed record CardDetails(CardView Card, string ProductCode, string ProductName, CardKind Kind, bool PinRequired, long MinTopUp, long MaxTopUp, long MaxBalance);

/// <summary>One change of a card's holder, as the card page shows it.</summary>
internal sealed record HolderChangeView(Guid? FromCustomerId, string? FromCode, Guid ToCustomerId, string ToCode, string Reason, string Reference, string? UserName, DateTime OccurredAt);

/// <summary>A ledger entry of one of a member's cards.</summary>
internal sealed record HolderTransaction(Guid CardId, string MaskedNumber, LedgerEntryKind Kind, long Amount, long Points, long BalanceAfter, string? StoreCode, DateTime OccurredAt, string Currency);

/// <summary>A member's cards and their latest transactions (the 360° section).</summary>
internal sealed record HolderCards(IReadOnlyList<CardRow> Cards, IReadOnlyList<HolderTransaction> LatestTransactions);

/// <summary>A payment of a card, whether it can still be reversed, and how much of it was refunded (<paramref name="Refunded"/>) or whether it was reversed.</summary>
internal sealed record PaymentRow(Guid Id, long Amount, string? ReceiptId, string? StoreCode, DateTime OccurredAt, bool Reversible, long Refunded = 0, bool Reversed = false)
{
    /// <summary>Part of it may still be refunded onto the card.</summary>
    public bool Refundable => !Reversed && Refunded < Amount;
}

/// <summary>Read-only queries of cards: one card by number or id, lists, a card's ledger and charges, a member's cards. Money moves only through <see cref="CardLedger"/>.</summary>
internal sealed class CardQueries(CardsDbContext db)
{
    /// <summary>The card with this number (trimmed), not tracked; null when there is none.</summary>
    public Task<Card?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim();
        return db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == trimmed, cancellationToken);
    }

    /// <summary>Runs <paramref name="use"/> on the card with this number when it is usable at the till now (<see cref="Card.WhyNotUsable"/>), else says why not.</summary>
    public async Task<Result<T>> WithUsableAsync<T>(string number, DateTime now, Func<Card, Task<Result<T>>> use, CancellationToken cancellationToken) =>
        await FindAsync(number, cancellationToken) is not { } card ? Refuse.NotFound("No such card.")
        : card.WhyNotUsable(now) is { } notUsable ? notUsable
        : await use(card);

    public async Task<CardView?> ViewAsync(string number, CancellationToken cancellationToken) =>
        await FindAsync(number, cancellationToken) is { } card ? CardView.From(card) : null;

    /// <summary>Cards by status, product and holder, numbers masked.</summary>
    public async Task<PagedCards> ListAsync(CardStatus? status, Guid? productId, string? holderCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Set<Card>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (productId is { } p)
        {
            query = query.Where(c => c.ProductId == p);
        }

        if (!string.IsNullOrWhiteSpace(holderCode))
        {
            var code = holderCode.Trim().ToUpperInvariant();
            query = query.Where(c => c.HolderCode == code);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedCards(items.Select(c => CardView.From(c, masked: true)).ToList(), total, page, pageSize);
    }

    /// <summary>The card's ledger, oldest first; null when there is no such card.</summary>
    public async Task<IReadOnlyList<LedgerEntryView>?> LedgerAsync(string number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return null;
        }

        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CardId == card.Id).ToListAsync(cancellationToken);
        return entries.OrderBy(e => e.OccurredAt).Select(LedgerEntryView.From).ToList();
    }

    /// <summary>The card's changes of holder (e.g. by a merge of customers), oldest first.</summary>
    public async Task<IReadOnlyList<HolderChangeView>> HolderHistoryAsync(Guid cardId, CancellationToken cancellationToken)
    {
        var changes = await db.Set<CardHolderChange>().AsNoTracking().Where(h => h.CardId == cardId).ToListAsync(cancellationToken);
        return changes.OrderBy(h => h.OccurredAt).Select(h => new HolderChangeView(h.FromCustomerId, h.FromCode, h.ToCustomerId, h.ToCode, h.Reason, h.Reference, h.UserName, h.OccurredAt)).ToList();
    }

    /// <summary>Fees, deposits and deposit refunds taken at the counter for the card, oldest first; null when there is no such card.</summary>
    public async Task<IReadOnlyList<ChargeView>?> ChargesAsync(string number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return null;
        }

        var charges = await db.Set<CardCharge>().AsNoTracking().Where(c => c.CardId == card.Id).ToListAsync(cancellationToken);
        return charges.OrderBy(c => c.OccurredAt).Select(ChargeView.From).ToList();
    }

    /// <summary>Cards whose number ends with (or equals) <paramref name="term"/>, or whose holder has that code; newest first.</summary>
    public async Task<CardRows> SearchAsync(string? term, CardStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Set<Card>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var trimmed = term.Trim();
            var code = trimmed.ToUpperInvariant();
            query = query.Where(c => c.Number == trimmed || c.Number.EndsWith(trimmed) || c.HolderCode == code);
        }

        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var cards = await query.OrderBy(c => c.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CardRows(await RowsAsync(cards, cancellationToken), total, page, pageSize);
    }

    public async Task<CardDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (card is null)
        {
            return null;
        }

        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        return new CardDetails(CardView.From(card), product.Code, product.Name, product.Kind, product.PinRequired, product.MinTopUp, product.MaxTopUp, product.MaxBalance);
    }

    /// <summary>The id of the card with this number, or null.</summary>
    public async Task<Guid?> FindIdAsync(string number, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim().Replace(" ", "", StringComparison.Ordinal);
        return await db.Set<Card>().AsNoTracking().Where(c => c.Number == trimmed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest entry of a sale (its first top-up, else the issue itself): what a sale's receipt shows.</summary>
    public async Task<Guid?> LatestMoneyEntryIdAsync(Guid cardId, CancellationToken cancellationToken)
    {
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CardId == cardId && (e.Kind == LedgerEntryKind.Issue || e.Kind == LedgerEntryKind.TopUp))
            .Select(e => new { e.Id, e.OccurredAt, e.Kind }).ToListAsync(cancellationToken);
        return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Kind).Select(e => (Guid?)e.Id).FirstOrDefault();
    }

    /// <summary>One ledger entry and its card, for the entry's receipt; null when the tenant has no such entry.</summary>
    public async Task<(LedgerEntryView Entry, CardView Card)?> EntryAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var entry = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var card = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == entry.CardId, cancellationToken);
        return (LedgerEntryView.From(entry), CardView.From(card));
    }

    /// <summary>The card's latest payments, newest first, each marked reversible when nothing reversed or refunded it yet.</summary>
    public async Task<IReadOnlyList<PaymentRow>> RecentPaymentsAsync(Guid cardId, int count, CancellationToken cancellationToken)
    {
        var payments = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CardId == cardId && e.Kind == LedgerEntryKind.Payment).ToListAsync(cancellationToken);
        var latest = payments.OrderByDescending(p => p.OccurredAt).Take(count).ToList();
        var ids = latest.Select(p => (Guid?)p.Id).ToList();
        var credited = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => ids.Contains(e.OriginalEntryId) && (e.Kind == LedgerEntryKind.Reversal || e.Kind == LedgerEntryKind.Refund))
            .Select(e => new { e.OriginalEntryId, e.Kind, e.Amount }).ToListAsync(cancellationToken);
        return latest.Select(p =>
        {
            var credits = credited.Where(c => c.OriginalEntryId == p.Id).ToList();
            return new PaymentRow(p.Id, -p.Amount, p.ReceiptId, p.StoreCode, p.OccurredAt, credits.Count == 0,
                credits.Where(c => c.Kind == LedgerEntryKind.Refund).Sum(c => c.Amount), credits.Any(c => c.Kind == LedgerEntryKind.Reversal));
        }).ToList();
    }

    /// <summary>The member's cards and the latest <paramref name="transactions"/> entries across them.</summary>
    public async Task<HolderCards> ForHolderAsync(Guid customerId, int transactions, CancellationToken cancellationToken)
    {
        var cards = await db.Set<Card>().AsNoTracking().Where(c => c.HolderCustomerId == customerId).ToListAsync(cancellationToken);
        if (cards.Count == 0)
        {
            return new HolderCards([], []);
        }

        var ids = cards.Select(c => c.Id).ToList();
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => ids.Contains(e.CardId)).ToListAsync(cancellationToken);
        var byId = cards.ToDictionary(c => c.Id);
        var latest = entries.OrderByDescending(e => e.OccurredAt).Take(transactions)
            .Select(e => new HolderTransaction(e.CardId, Card.Mask(byId[e.CardId].Number), e.Kind, e.Amount, e.Points, e.BalanceAfter, e.StoreCode, e.OccurredAt, byId[e.CardId].Currency))
            .ToList();
        return new HolderCards(await RowsAsync(cards.OrderBy(c => c.Number).ToList(), cancellationToken), latest);
    }

    private async Task<IReadOnlyList<CardRow>> RowsAsync(List<Card> cards, CancellationToken cancellationToken)
    {
        var productIds = cards.Select(c => c.ProductId).Distinct().ToList();
        var products = await db.Set<CardProduct>().AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return cards.Select(c => new CardRow(c.Id, Card.Mask(c.Number), products[c.ProductId].Code, products[c.ProductId].Name, c.Status, c.HolderCustomerId, c.HolderCode,
            c.Balance, c.Points, c.Currency, c.ActivatedAt)).ToList();
    }
}
