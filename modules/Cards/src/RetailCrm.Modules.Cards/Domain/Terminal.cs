using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>A till of one store that signs its POS API requests with a shared secret (HMAC-SHA256).</summary>
internal sealed class Terminal : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string StoreCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The secret encrypted with ASP.NET Data Protection (purpose <c>cards.terminals</c>); the HMAC check needs it back in clear.</summary>
    [Sensitive]
    public string ProtectedSecret { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>A nonce a terminal has used; the primary key (terminal, nonce) makes the insert the claim. Not audited: one per till request.</summary>
[NotAudited]
internal sealed class TerminalNonce
{
    public Guid TerminalId { get; set; }

    public string Nonce { get; set; } = "";

    public DateTime UsedAt { get; set; }
}
