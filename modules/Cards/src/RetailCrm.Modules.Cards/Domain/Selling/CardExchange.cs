using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Selling;

/// <summary>
/// A card exchange (换卡): the old card's balance and points moved onto a new card from the location's stock,
/// the old card made void. History only; the money moved through both cards' ledgers.
/// </summary>
internal sealed class CardExchange : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid OldCardId { get; set; }

    public string OldNumber { get; set; } = "";

    public Guid NewCardId { get; set; }

    public string NewNumber { get; set; } = "";

    /// <summary>The old card's status when exchanged (Active, Frozen, Lost or Expired).</summary>
    public Contracts.CardStatus OldStatus { get; set; }

    /// <summary>The organization unit (HQ or store code) where the card was exchanged and whose stock gave the new card.</summary>
    public string LocationCode { get; set; } = "";

    public long Balance { get; set; }

    public long Points { get; set; }

    public long Fee { get; set; }

    public string? ReceiptId { get; set; }

    public string? Reason { get; set; }

    public string? UserName { get; set; }

    public DateTime ExchangedAt { get; set; }
}
