using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Members.Contracts.Events;

[IntegrationEvent("members.customer-created")]
public sealed record CustomerCreatedIntegrationEvent(Guid CustomerId, string Code, string DisplayName);

/// <summary>
/// Duplicates were merged into a survivor. Every module that holds rows of a merged customer
/// moves them to <see cref="SurvivorId"/> (cards, tickets, opportunities...).
/// </summary>
[IntegrationEvent("members.customers-merged")]
public sealed record CustomersMergedIntegrationEvent(Guid SurvivorId, string SurvivorCode, IReadOnlyList<Guid> MergedIds, Guid MergeId);

/// <summary>A purchase was recorded against a customer (from a till, the ERP or an import).</summary>
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

[IntegrationEvent("members.lifecycle-changed")]
public sealed record CustomerLifecycleChangedIntegrationEvent(Guid CustomerId, string From, string To, string Reason);
