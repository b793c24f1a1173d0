using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Calls;

/// <summary>Who calls a signed webhook of the service module.</summary>
internal enum WebhookSource
{
    /// <summary>The PBX (CTI events of calls).</summary>
    Pbx,

    /// <summary>The SMS gateway (inbound messages).</summary>
    Sms,
}

/// <summary>A tenant's shared secret with its PBX or SMS gateway, which signs the webhook requests (HMAC-SHA256).</summary>
internal sealed class WebhookSecret : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public WebhookSource Source { get; set; }

    /// <summary>Encrypted with ASP.NET Data Protection (purpose <c>service.webhooks</c>); the HMAC check needs it back in clear.</summary>
    [Sensitive]
    public string ProtectedSecret { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>A nonce a webhook caller has used; the primary key makes the insert the claim. Not audited: one per request.</summary>
[NotAudited]
internal sealed class WebhookNonce
{
    public Guid TenantId { get; set; }

    public WebhookSource Source { get; set; }

    public string Nonce { get; set; } = "";

    public DateTime UsedAt { get; set; }
}
