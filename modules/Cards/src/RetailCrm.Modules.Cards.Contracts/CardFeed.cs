namespace RetailCrm.Modules.Cards.Contracts;

/// <summary>A card as a module that keeps its own facts (analysis) reads it.</summary>
/// <param name="CardId">The card's id.</param>
/// <param name="MaskedNumber">The number with all but the last four digits masked.</param>
/// <param name="ProductId">The card product.</param>
/// <param name="ProductCode">The product's code.</param>
/// <param name="ProductName">The product's name.</param>
/// <param name="Status">The card's status.</param>
/// <param name="CustomerId">The holder: the member a store sold it to, or the company (an organization customer) of a bulk sale.</param>
/// <param name="StoreCode">
/// The unit that sold (activated) the card: the store of a store sale (null when the till named none), the head
/// office's code for a bulk sale, the exchanging store for the new card of an exchange.
/// </param>
/// <param name="ActivatedAt">When it was sold (UTC).</param>
/// <param name="Balance">The money on the card, in minor units.</param>
/// <param name="Points">The points on the card.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record CardRecord(
    Guid CardId,
    string MaskedNumber,
    Guid ProductId,
    string ProductCode,
    string ProductName,
    CardStatus Status,
    Guid? CustomerId,
    string? StoreCode,
    DateTime? ActivatedAt,
    long Balance,
    long Points,
    string Currency);

/// <summary>One ledger entry of a card as the analysis reads it.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="CardId">The card.</param>
/// <param name="Kind">Issue, top-up, payment, reversal, refund...</param>
/// <param name="Amount">The money the entry moved, in minor units: positive onto the card, negative off it.</param>
/// <param name="BalanceAfter">The card's balance after the entry.</param>
/// <param name="StoreCode">Where it happened, when known.</param>
/// <param name="ReceiptId">The till's receipt, when there is one.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record CardEntryRecord(Guid EntryId, Guid CardId, LedgerEntryKind Kind, long Amount, long BalanceAfter, string? StoreCode, string? ReceiptId, DateTime OccurredAt);

/// <summary>
/// Every sold card and ledger entry of the current tenant in pages, for a module that rebuilds its own facts:
/// ordered by id, the next page starting after the last id of the one before. Not limited to a user's data scope.
/// </summary>
public interface ICardFeed
{
    /// <summary>At most <paramref name="pageSize"/> cards that were ever sold, with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<CardRecord>> ReadCardsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>At most <paramref name="pageSize"/> ledger entries with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<CardEntryRecord>> ReadEntriesAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);
}
