using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>One change of a ticket in its history: which field, from what to what, by whom and when.</summary>
internal sealed class TicketChange : ITenantOwned
{
    public const int MaxValueLength = 400;

    private TicketChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid TicketId { get; private set; }

    /// <summary>E.g. <c>status</c>, <c>assignee</c>, <c>priority</c>, <c>merged</c>.</summary>
    public string Field { get; private set; } = "";

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTime At { get; private set; }

    public static TicketChange Of(Guid ticketId, string field, string? oldValue, string? newValue, Guid? userId, string userName, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        Field = field,
        OldValue = Clip(oldValue),
        NewValue = Clip(newValue),
        UserId = userId,
        UserName = userName,
        At = at,
    };

    private static string? Clip(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
