using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Contracts;

/// <summary>A customer as a module that keeps its own copy of the customers (analysis) reads it.</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Code">The customer code.</param>
/// <param name="Kind">Person or organization.</param>
/// <param name="DisplayName">The name as shown.</param>
/// <param name="Phone">The main phone, E.164.</param>
/// <param name="Email">The main e-mail, lower case.</param>
/// <param name="Tier">The tier or level.</param>
/// <param name="LifecycleClass">The current lifecycle class.</param>
/// <param name="OwnerUserId">The owning sales person.</param>
/// <param name="UnitId">The organization unit (store, department) the customer belongs to.</param>
/// <param name="MarketingConsent">Whether the customer agreed to marketing messages.</param>
/// <param name="Birthday">The birthday, when known.</param>
/// <param name="IsActive">False for a deleted or merged customer.</param>
/// <param name="MergedIntoId">The survivor a merged customer went into; null otherwise.</param>
/// <param name="UpdatedAt">
/// When the record was last edited (UTC): by a user or an import, a merge, a deletion or a tag. The lifecycle class
/// and the purchase figures move without it, so it does not tell whether <paramref name="LifecycleClass"/> changed.
/// </param>
public sealed record CustomerRecord(
    Guid Id,
    string Code,
    CustomerKind Kind,
    string DisplayName,
    string? Phone,
    string? Email,
    string? Tier,
    LifecycleClass LifecycleClass,
    Guid? OwnerUserId,
    Guid? UnitId,
    bool MarketingConsent,
    DateOnly? Birthday,
    bool IsActive,
    Guid? MergedIntoId,
    DateTime UpdatedAt);

/// <summary>A purchase as a module that keeps its own facts (analysis) reads it.</summary>
/// <param name="Id">The purchase's id.</param>
/// <param name="CustomerId">The buyer.</param>
/// <param name="ReceiptId">The receipt id, unique per tenant.</param>
/// <param name="StoreCode">The store, when known.</param>
/// <param name="PurchasedAt">When (UTC).</param>
/// <param name="Amount">In minor units; negative for a return.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Tender">How it was paid, when known.</param>
public sealed record PurchaseRecord(Guid Id, Guid CustomerId, string ReceiptId, string? StoreCode, DateTime PurchasedAt, long Amount, string Currency, string? Tender);

/// <summary>
/// Every customer and purchase of the current tenant in pages, for a module that rebuilds its own copy (analysis):
/// ordered by id, the next page starting after the last id of the one before. Not limited to a user's data scope:
/// it is read by jobs, not shown to users.
/// </summary>
public interface ICustomerFeed
{
    /// <summary>At most <paramref name="pageSize"/> customers (every status) with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<CustomerRecord>> ReadCustomersAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>At most <paramref name="pageSize"/> purchases with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<PurchaseRecord>> ReadPurchasesAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);
}

/// <summary>Tags customers for other modules (a segment of the analysis becomes a tag), with the members rules for tags.</summary>
public interface ICustomerTagging
{
    /// <summary>The longest tag the members module keeps.</summary>
    public const int MaxTagLength = 60;

    /// <summary>The most customers one call tags.</summary>
    public const int MaxCustomers = 100_000;

    /// <summary>
    /// Adds <paramref name="tag"/> to each active customer of the current tenant among <paramref name="customerIds"/> that
    /// has not got it, in one transaction, and answers how many gained it; refuses an empty or too long tag (field
    /// <c>tag</c>) or too many customers (field <c>customerIds</c>). The tag is kept as the members module keeps every
    /// tag: trimmed and in lower case (<c>" VIP "</c> becomes <c>vip</c>); ids that are not active customers of the
    /// tenant are skipped. A tagged customer's record counts as changed (an edit read before it must be read again).
    /// </summary>
    Task<Result<int>> TagAsync(IReadOnlyCollection<Guid> customerIds, string tag, CancellationToken cancellationToken = default);
}
