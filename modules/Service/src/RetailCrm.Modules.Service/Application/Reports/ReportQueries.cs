using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>
/// The supervisor's figures over the tickets opened in a range (within the user's data scope, merged tickets left
/// out). Times and percentiles are computed in memory over at most <see cref="MaxTickets"/> tickets of the range,
/// the newest left out beyond it (the report says so), which keeps one query per table on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ReportQueries(ServiceDbContext db, TicketQueries tickets, ISlaFigures sla, IUserDirectory users, TimeProvider time)
{
    public const int MaxTickets = 50_000;
    public const int MaxDays = 366;
    public const int LatestComments = 20;

    /// <summary>Checks the range (the last 30 days when not given) and the type.</summary>
    public static Result<ReportFilter> Filter(DateOnly? from, DateOnly? to, TicketChannel? channel, string? type, Guid? team, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-29);
        if (start > end)
        {
            return Refusal.Invalid("service/report-range", "to", "The end date must not be before the start date.");
        }

        if (end.DayNumber - start.DayNumber >= MaxDays)
        {
            return Refusal.Invalid("service/report-range", "to", "Choose at most {0} days.", MaxDays);
        }

        return new ReportFilter(start, end, channel, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), team);
    }

    public async Task<ServiceReport> BuildAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var query = await InRangeAsync(filter, cancellationToken);
        var rows = await query.OrderBy(t => t.OpenedAt).Take(MaxTickets + 1)
            .Select(t => new Row(t.Id, t.TypeKey, t.Channel, t.Priority, t.CustomerTier, t.AssigneeUserId, t.OpenedAt, t.FirstResponseAt, t.ResolvedAt))
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > MaxTickets;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => query.Any(t => t.Id == s.TicketId))
            .Select(s => new SurveyRow(s.TicketId, s.AgentUserId, s.SentAt, s.Score, s.Comment, s.AnsweredAt)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var (firstResponse, resolution) = await ComplianceAsync(rows, now, cancellationToken);
        return new ServiceReport(
            filter,
            rows.Count,
            truncated,
            [.. rows.GroupBy(r => r.Channel.ToString()).Select(g => new Volume(g.Key, g.Count())).OrderByDescending(v => v.Count).ThenBy(v => v.Key, StringComparer.Ordinal)],
            [.. rows.GroupBy(r => r.TypeKey).Select(g => new Volume(g.Key, g.Count())).OrderByDescending(v => v.Count).ThenBy(v => v.Key, StringComparer.Ordinal)],
            ByDay(rows, filter),
            Times(rows.Where(r => r.FirstResponseAt is not null).Select(r => (r.FirstResponseAt!.Value - r.OpenedAt).TotalHours).ToList()),
            Times(rows.Where(r => r.ResolvedAt is not null).Select(r => (r.ResolvedAt!.Value - r.OpenedAt).TotalHours).ToList()),
            firstResponse,
            resolution,
            await AgentsAsync(rows, surveys, cancellationToken),
            Csat(surveys, await NumbersAsync(surveys, cancellationToken)));
    }

    private async Task<IQueryable<Ticket>> InRangeAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var start = filter.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var query = (await tickets.VisibleAsync(cancellationToken)).Where(t => t.MergedIntoId == null && t.OpenedAt >= start && t.OpenedAt < end);
        if (filter.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(t => t.TypeKey == type);
        }

        if (filter.TeamUnitId is { } team)
        {
            query = query.Where(t => t.TeamUnitId == team);
        }

        return query;
    }

    private static List<Volume> ByDay(List<Row> rows, ReportFilter filter)
    {
        var counts = rows.GroupBy(r => DateOnly.FromDateTime(r.OpenedAt)).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, filter.To.DayNumber - filter.From.DayNumber + 1)
            .Select(filter.From.AddDays)
            .Select(d => new Volume(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d)))];
    }

    private static TimeFigures Times(List<double> hours) =>
        new(hours.Count, Round(Percentiles.Of(hours, 0.5)), Round(Percentiles.Of(hours, 0.9)));

    /// <summary>Tickets count once their clock met or missed its target; one still within its time, or without a target, is not counted.</summary>
    private async Task<(Compliance FirstResponse, Compliance Resolution)> ComplianceAsync(List<Row> rows, DateTime now, CancellationToken cancellationToken)
    {
        var outcomes = await sla.OutcomesAsync([.. rows.Select(r => r.Id)], now, cancellationToken);
        var firstResponse = outcomes.Values.Where(o => o.FirstResponseMet is not null).ToList();
        var resolution = outcomes.Values.Where(o => o.ResolutionMet is not null).ToList();
        return (new Compliance(firstResponse.Count, firstResponse.Count(o => o.FirstResponseMet == true)),
            new Compliance(resolution.Count, resolution.Count(o => o.ResolutionMet == true)));
    }

    private async Task<List<AgentFigures>> AgentsAsync(List<Row> rows, List<SurveyRow> surveys, CancellationToken cancellationToken)
    {
        var names = (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        var scores = surveys.Where(s => s.Score is not null).GroupBy(s => s.AgentUserId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Select(s => s.Score!.Value).ToList());
        return [.. rows.Where(r => r.AssigneeUserId is not null).GroupBy(r => r.AssigneeUserId!.Value).Select(g =>
        {
            var agentScores = scores.GetValueOrDefault(g.Key) ?? [];
            var responses = g.Where(r => r.FirstResponseAt is not null).Select(r => (r.FirstResponseAt!.Value - r.OpenedAt).TotalHours).ToList();
            return new AgentFigures(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key.ToString(), g.Count(), g.Count(r => r.ResolvedAt is not null),
                Round(Percentiles.Of(responses, 0.5)), agentScores.Count == 0 ? null : Math.Round(agentScores.Average(), 2), agentScores.Count);
        }).OrderByDescending(a => a.Handled).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    private async Task<Dictionary<Guid, long>> NumbersAsync(List<SurveyRow> surveys, CancellationToken cancellationToken)
    {
        var commented = Commented(surveys).Select(s => s.TicketId).ToList();
        return await db.Set<Ticket>().AsNoTracking().Where(t => commented.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, cancellationToken);
    }

    private static CsatFigures Csat(List<SurveyRow> surveys, Dictionary<Guid, long> numbers)
    {
        var answered = surveys.Where(s => s.Score is not null).ToList();
        var distribution = Enumerable.Range(1, 5).Select(score => answered.Count(s => s.Score == score)).ToList();
        var comments = Commented(surveys).Select(s => new CsatComment(s.TicketId, numbers.GetValueOrDefault(s.TicketId), s.Score!.Value, s.Comment!, s.AnsweredAt!.Value)).ToList();
        return new CsatFigures(surveys.Count(s => s.SentAt is not null), answered.Count, answered.Count == 0 ? null : Math.Round(answered.Average(s => s.Score!.Value), 2), distribution, comments);
    }

    private static IEnumerable<SurveyRow> Commented(List<SurveyRow> surveys) =>
        surveys.Where(s => s.Score is not null && !string.IsNullOrEmpty(s.Comment)).OrderByDescending(s => s.AnsweredAt).Take(LatestComments);

    private static double? Round(double? hours) => hours is { } h ? Math.Round(h, 2) : null;

    private sealed record Row(Guid Id, string TypeKey, TicketChannel Channel, TicketPriority Priority, string? CustomerTier, Guid? AssigneeUserId,
        DateTime OpenedAt, DateTime? FirstResponseAt, DateTime? ResolvedAt);

    private sealed record SurveyRow(Guid TicketId, Guid? AgentUserId, DateTime? SentAt, int? Score, string? Comment, DateTime? AnsweredAt);
}
