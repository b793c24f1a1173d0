using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>
/// One step of a card through stock: produced, put away, spoiled, shipped, received, written off. Append-only;
/// with the production runs it accounts for every number.
/// </summary>
internal sealed class CardMove : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CardId { get; set; }

    public CardStatus? FromStatus { get; set; }

    public CardStatus ToStatus { get; set; }

    public string? FromLocationCode { get; set; }

    public string? ToLocationCode { get; set; }

    /// <summary>What moved it: <c>production:{id}</c>, <c>store-request:{id}</c>, <c>stock-take:{id}</c>.</summary>
    public string Reference { get; set; } = "";

    /// <summary>Why, for spoilage and write-offs.</summary>
    public string? Reason { get; set; }

    public string? UserName { get; set; }

    public DateTime OccurredAt { get; set; }
}
