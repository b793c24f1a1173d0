using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Selling;

/// <summary>
/// HQ bulk sale (总部售卡): cards of one product sold from HQ stock to a company customer against an invoice,
/// each with the same preloaded value. Written once with its cards, in the transaction that activates them.
/// </summary>
internal sealed class BulkSale : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The invoice number (发票号), unique per tenant.</summary>
    public string InvoiceNumber { get; set; } = "";

    public Guid CustomerId { get; set; }

    public string CustomerCode { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Value put on each card, minor units of <see cref="Currency"/>.</summary>
    public long ValuePerCard { get; set; }

    public long TotalValue { get; set; }

    /// <summary>Fees and deposits of all cards, taken as charges.</summary>
    public long TotalCharges { get; set; }

    public string Currency { get; set; } = "CNY";

    /// <summary>The HQ unit's code, also the store code of the ledger entries and charges.</summary>
    public string StoreCode { get; set; } = "";

    public string? Note { get; set; }

    public string? UserName { get; set; }

    public DateTime SoldAt { get; set; }

    public List<BulkSaleCard> Cards { get; set; } = [];
}

/// <summary>One card of a bulk sale.</summary>
internal sealed class BulkSaleCard : ITenantOwned
{
    public Guid BulkSaleId { get; set; }

    public Guid CardId { get; set; }

    public Guid TenantId { get; set; }

    public string Number { get; set; } = "";
}
