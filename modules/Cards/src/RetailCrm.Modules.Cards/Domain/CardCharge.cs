using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>
/// Money a counter took (or paid back) for a card that is not card value: fees and deposits. Kept apart from the
/// card's ledger because it never changes the balance; the daily settlement counts it as money taken in.
/// Append-only like the ledger.
/// </summary>
internal sealed class CardCharge : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CardId { get; set; }

    public CardChargeKind Kind { get; set; }

    /// <summary>Minor units: positive taken in, negative paid out.</summary>
    public long Amount { get; set; }

    public string Currency { get; set; } = "CNY";

    public string? StoreCode { get; set; }

    public string? ReceiptId { get; set; }

    public string? Reference { get; set; }

    public string? UserName { get; set; }

    public DateTime OccurredAt { get; set; }
}
