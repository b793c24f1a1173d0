using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Calls;

/// <summary>The PBX extension of an agent: a call ringing there pops up on that agent's screen.</summary>
internal sealed class AgentExtension : ITenantOwned
{
    public const int MaxExtensionLength = 20;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public string Extension { get; set; } = "";
}
