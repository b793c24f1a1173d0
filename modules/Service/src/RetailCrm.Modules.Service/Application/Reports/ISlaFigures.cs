namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>Whether a ticket's first response and resolution met their SLA targets; null while undecided or without a target.</summary>
internal sealed record SlaOutcome(bool? FirstResponseMet, bool? ResolutionMet)
{
    public static SlaOutcome None { get; } = new(null, null);
}

/// <summary>
/// Where the reports read SLA outcomes from: the SLA part's clocks (business hours, pauses while pending), so that
/// the report's compliance is the one the agents saw on the queue. Without SLA, <see cref="NoSlaFigures"/> answers none.
/// </summary>
internal interface ISlaFigures
{
    Task<IReadOnlyDictionary<Guid, SlaOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> ticketIds, DateTime now, CancellationToken cancellationToken);
}

/// <summary>No SLA clocks: every outcome is undecided, so compliance shows as "no target".</summary>
internal sealed class NoSlaFigures : ISlaFigures
{
    public Task<IReadOnlyDictionary<Guid, SlaOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> ticketIds, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, SlaOutcome>>(new Dictionary<Guid, SlaOutcome>());
}
