using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Analysis.Application.Configuration;

/// <summary>One rectangle of a segment map as the API and the page send it.</summary>
internal sealed record SegmentRuleInput(RfmSegment? Segment, int? RecencyFrom, int? RecencyTo, int? FmFrom, int? FmTo);

/// <summary>
/// The tenant's analysis settings as sent: a window of <c>windowDays</c> up to today, or fixed dates; weights; the
/// thresholds; the segment map (null keeps the one there is). Missing numbers keep their current values.
/// </summary>
internal sealed record SettingsInput(
    int? WindowDays,
    DateOnly? WindowStart,
    DateOnly? WindowEnd,
    decimal? RecencyWeight,
    decimal? FrequencyWeight,
    decimal? MonetaryWeight,
    int? DormantDays,
    int? ProblemThreshold,
    int? TopPercent,
    IReadOnlyList<SegmentRuleInput>? SegmentMap);

/// <summary>Reads and changes a tenant's analysis settings; a change applies from the next recompute.</summary>
internal sealed class AnalysisSettings(AnalysisDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<AnalysisConfiguration> GetAsync(CancellationToken cancellationToken) =>
        await db.Set<AnalysisConfiguration>().AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new AnalysisConfiguration();

    public static SegmentMap MapOf(AnalysisConfiguration configuration) =>
        string.IsNullOrEmpty(configuration.SegmentMapJson)
            ? SegmentMap.Default
            : new SegmentMap(JsonSerializer.Deserialize<List<SegmentRule>>(configuration.SegmentMapJson, Json) ?? []);

    public async Task<Result<AnalysisConfiguration>> SaveAsync(SettingsInput input, CancellationToken cancellationToken)
    {
        var configuration = await db.Set<AnalysisConfiguration>().FirstOrDefaultAsync(cancellationToken);
        var isNew = configuration is null;
        configuration ??= new AnalysisConfiguration { Id = Guid.NewGuid() };

        var fields = new List<FieldRefusal>();
        var windowDays = input.WindowDays ?? configuration.WindowDays;
        if (windowDays is < 7 or > 3650)
        {
            fields.Add(new FieldRefusal("windowDays", LocalizableText.Of("The window is {0} to {1} days long.", 7, 3650)));
        }

        if ((input.WindowStart is null) != (input.WindowEnd is null))
        {
            fields.Add(new FieldRefusal(input.WindowStart is null ? "windowStart" : "windowEnd", LocalizableText.Of("A fixed window needs both its first and its last day; leave both empty for a window up to today.")));
        }
        else if (input.WindowStart is { } start && input.WindowEnd is { } end && end < start)
        {
            fields.Add(new FieldRefusal("windowEnd", LocalizableText.Of("The window ends ({0}) before it starts ({1}).", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        var weights = new[] { ("recencyWeight", input.RecencyWeight ?? configuration.RecencyWeight), ("frequencyWeight", input.FrequencyWeight ?? configuration.FrequencyWeight), ("monetaryWeight", input.MonetaryWeight ?? configuration.MonetaryWeight) };
        foreach (var (field, weight) in weights.Where(w => w.Item2 is < 0 or > 100))
        {
            fields.Add(new FieldRefusal(field, LocalizableText.Of("A weight is a number from 0 to 100.")));
        }

        if (weights[1].Item2 + weights[2].Item2 <= 0)
        {
            fields.Add(new FieldRefusal("frequencyWeight", LocalizableText.Of("Frequency and monetary cannot both weigh nothing: the FM score needs one of them.")));
        }

        var dormantDays = input.DormantDays ?? configuration.DormantDays;
        if (dormantDays is < 1 or > 3650)
        {
            fields.Add(new FieldRefusal("dormantDays", LocalizableText.Of("A customer is dormant after 1 to {0} days without a purchase.", 3650)));
        }

        var threshold = input.ProblemThreshold ?? configuration.ProblemThreshold;
        if (threshold is < 1 or > 100)
        {
            fields.Add(new FieldRefusal("problemThreshold", LocalizableText.Of("The problem threshold is a score from 1 to 100.")));
        }

        var topPercent = input.TopPercent ?? configuration.TopPercent;
        if (!TopShare.IsValidShare(topPercent))
        {
            fields.Add(new FieldRefusal("topPercent", LocalizableText.Of(TopShare.ShareRule)));
        }

        SegmentMap? map = null;
        if (input.SegmentMap is { } rules)
        {
            if (rules.Any(r => r.Segment is null || r.RecencyFrom is null || r.RecencyTo is null || r.FmFrom is null || r.FmTo is null))
            {
                fields.Add(new FieldRefusal("segmentMap", LocalizableText.Of("Every rule of the segment map names a segment and its recency and FM scores from and to.")));
            }
            else
            {
                map = new SegmentMap([.. rules.Select(r => new SegmentRule(r.Segment!.Value, r.RecencyFrom!.Value, r.RecencyTo!.Value, r.FmFrom!.Value, r.FmTo!.Value))]);
                if (map.Problems() is { Count: > 0 } problems)
                {
                    fields.Add(new FieldRefusal("segmentMap", LocalizableText.Of("The segment map must give each of the 25 cells exactly one segment: {0}.", string.Join("; ", problems))));
                }
            }
        }

        if (fields.Count > 0)
        {
            return Refusal.Invalid("analysis/settings-invalid", fields).Titled("The analysis settings are not valid");
        }

        configuration.WindowDays = windowDays;
        configuration.WindowStart = input.WindowStart;
        configuration.WindowEnd = input.WindowEnd;
        configuration.RecencyWeight = weights[0].Item2;
        configuration.FrequencyWeight = weights[1].Item2;
        configuration.MonetaryWeight = weights[2].Item2;
        configuration.DormantDays = dormantDays;
        configuration.ProblemThreshold = threshold;
        configuration.TopPercent = topPercent;
        if (map is not null)
        {
            configuration.SegmentMapJson = JsonSerializer.Serialize(map.Rules, Json);
        }

        configuration.UpdatedAt = time.GetUtcNow().UtcDateTime;
        configuration.Version++;
        if (isNew)
        {
            db.Set<AnalysisConfiguration>().Add(configuration);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            return Refusal.Conflict("analysis/settings-changed", "Someone saved the settings at the same time; open them again.");
        }

        return configuration;
    }
}
