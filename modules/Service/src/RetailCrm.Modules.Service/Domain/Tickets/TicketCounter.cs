using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>The last ticket number given out in a tenant; raised by one atomic update per new ticket.</summary>
internal sealed class TicketCounter : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TenantId { get; set; }

    public long Last { get; set; }
}
