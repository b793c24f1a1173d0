using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>The targets a ticket's first response and resolution are held to; null for no target.</summary>
internal sealed record SlaTarget(TimeSpan? FirstResponse, TimeSpan? Resolution)
{
    public static SlaTarget None { get; } = new(null, null);
}

/// <summary>
/// Where the reports read SLA targets from. The SLA part replaces <see cref="NoSlaFigures"/> with its policies
/// (register its own <c>ISlaFigures</c>; the default is added with TryAdd). The reports measure against the
/// ticket's own timestamps in wall-clock time; business hours and pauses are the SLA part's to add.
/// </summary>
internal interface ISlaFigures
{
    Task<SlaTarget> TargetAsync(string typeKey, TicketPriority priority, string? customerTier, CancellationToken cancellationToken);
}

/// <summary>No SLA policies yet: every target is null, so compliance shows as "no target".</summary>
internal sealed class NoSlaFigures : ISlaFigures
{
    public Task<SlaTarget> TargetAsync(string typeKey, TicketPriority priority, string? customerTier, CancellationToken cancellationToken) =>
        Task.FromResult(SlaTarget.None);
}
