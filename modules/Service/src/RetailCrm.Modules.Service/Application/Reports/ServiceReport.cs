using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>What a report covers: tickets opened from <see cref="From"/> to <see cref="To"/> (both days included, UTC).</summary>
internal sealed record ReportFilter(DateOnly From, DateOnly To, TicketChannel? Channel = null, string? Type = null, Guid? TeamUnitId = null);

/// <summary>One count of a breakdown: the key (a channel, a type, a day) and how many tickets.</summary>
internal sealed record Volume(string Key, int Count);

/// <summary>Median and 90th percentile of a time, in hours; null when no ticket has it.</summary>
internal sealed record TimeFigures(int Count, double? MedianHours, double? P90Hours);

/// <summary>Tickets held to a target and how many met it; <see cref="Percent"/> is null when none has a target.</summary>
internal sealed record Compliance(int WithTarget, int Met)
{
    public double? Percent => WithTarget == 0 ? null : Math.Round(100.0 * Met / WithTarget, 1);
}

/// <summary>One agent's figures: tickets handled (assigned in the range), median first response, average CSAT.</summary>
internal sealed record AgentFigures(Guid? AgentUserId, string Name, int Handled, int Resolved, double? MedianFirstResponseHours, double? AverageScore, int Answers);

/// <summary>A customer's comment of the survey.</summary>
internal sealed record CsatComment(Guid TicketId, long Number, int Score, string Comment, DateTime AnsweredAt);

/// <summary>The satisfaction of the range: average 1–5, the count per score (index 0 is score 1) and the latest comments.</summary>
internal sealed record CsatFigures(int Sent, int Answers, double? Average, IReadOnlyList<int> Distribution, IReadOnlyList<CsatComment> Comments);

/// <summary>The supervisor's report over one range; <see cref="Truncated"/> says the range held more than <see cref="ReportQueries.MaxTickets"/>.</summary>
internal sealed record ServiceReport(
    ReportFilter Filter,
    int Total,
    bool Truncated,
    IReadOnlyList<Volume> ByChannel,
    IReadOnlyList<Volume> ByType,
    IReadOnlyList<Volume> ByDay,
    TimeFigures FirstResponse,
    TimeFigures Resolution,
    Compliance FirstResponseCompliance,
    Compliance ResolutionCompliance,
    IReadOnlyList<AgentFigures> Agents,
    CsatFigures Csat);
