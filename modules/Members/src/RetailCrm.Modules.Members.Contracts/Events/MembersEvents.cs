using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Members.Contracts.Events;

/// <summary>A customer was created (on a page, through the API or by an import).</summary>
/// <param name="CustomerId">The new customer's id.</param>
/// <param name="Code">Its customer code.</param>
/// <param name="DisplayName">Its name as shown.</param>
[IntegrationEvent("members.customer-created")]
public sealed record CustomerCreatedIntegrationEvent(Guid CustomerId, string Code, string DisplayName);

/// <summary>
/// Duplicates were merged into a survivor. Every module that holds rows of a merged customer
/// moves them to <see cref="SurvivorId"/> (cards, tickets, opportunities...).
/// </summary>
/// <param name="SurvivorId">The customer that stays.</param>
/// <param name="SurvivorCode">The survivor's code.</param>
/// <param name="MergedIds">The customers merged into the survivor (they stay, with status Merged).</param>
/// <param name="MergeId">The merge, for its history; a handler seeing it twice must act once.</param>
[IntegrationEvent("members.customers-merged")]
public sealed record CustomersMergedIntegrationEvent(Guid SurvivorId, string SurvivorCode, IReadOnlyList<Guid> MergedIds, Guid MergeId);

/// <summary>A purchase was recorded against a customer (from a till, the ERP or an import).</summary>
/// <param name="PurchaseId">The purchase's id.</param>
/// <param name="CustomerId">The buyer.</param>
/// <param name="CustomerCode">The buyer's code.</param>
/// <param name="ReceiptId">The till's or ERP's receipt id, unique per tenant.</param>
/// <param name="StoreCode">The store, when known.</param>
/// <param name="PurchasedAt">When it was bought (UTC).</param>
/// <param name="Amount">The amount in minor units (fen).</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="Tender">How it was paid (cash, card, ...), when known.</param>
[IntegrationEvent("members.purchase-recorded")]
public sealed record PurchaseRecordedIntegrationEvent(
    Guid PurchaseId,
    Guid CustomerId,
    string CustomerCode,
    string ReceiptId,
    string? StoreCode,
    DateTime PurchasedAt,
    long Amount,
    string Currency,
    string? Tender);

/// <summary>A customer's lifecycle class changed, by the tenant's rules or by hand.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="From">The class before.</param>
/// <param name="To">The class now.</param>
/// <param name="Reason">Why (the rule or the user's reason).</param>
[IntegrationEvent("members.lifecycle-changed")]
public sealed record CustomerLifecycleChangedIntegrationEvent(Guid CustomerId, string From, string To, string Reason);
