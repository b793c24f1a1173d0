using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>
/// One change of a card's holder, kept as the card's history: who held it, who holds it now, why (<see cref="Reason"/>),
/// and what caused it (<see cref="Reference"/>, e.g. <c>merge:{id}</c>; one entry per card and reference). Append-only.
/// </summary>
internal sealed class CardHolderChange : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CardId { get; set; }

    public Guid? FromCustomerId { get; set; }

    public string? FromCode { get; set; }

    public Guid ToCustomerId { get; set; }

    public string ToCode { get; set; } = "";

    /// <summary>Why the holder changed, e.g. <c>merge</c> (the customers were merged in members).</summary>
    public string Reason { get; set; } = "";

    public string Reference { get; set; } = "";

    public string? UserName { get; set; }

    public DateTime OccurredAt { get; set; }
}
