using RetailCrm.Modules.Analysis.Contracts;

namespace RetailCrm.Modules.Analysis.Domain.Rfm;

/// <summary>
/// One rectangle of the segment map: recency scores <see cref="RecencyFrom"/>–<see cref="RecencyTo"/> by
/// frequency-monetary scores <see cref="FmFrom"/>–<see cref="FmTo"/> make <see cref="Segment"/>.
/// </summary>
internal sealed record SegmentRule(RfmSegment Segment, int RecencyFrom, int RecencyTo, int FmFrom, int FmTo)
{
    public bool Covers(int recency, int fm) => recency >= RecencyFrom && recency <= RecencyTo && fm >= FmFrom && fm <= FmTo;
}

/// <summary>
/// Which segment each of the 25 cells of recency (1–5) by frequency-monetary (1–5) belongs to. A valid map covers
/// every cell exactly once; <see cref="Problems"/> names the cells that are missing or covered twice.
/// </summary>
internal sealed class SegmentMap(IReadOnlyList<SegmentRule> rules)
{
    public const int Scores = 5;

    public IReadOnlyList<SegmentRule> Rules { get; } = rules;

    /// <summary>The usual map: the best in the top right, the lost in the bottom left.</summary>
    public static SegmentMap Default { get; } = new(
    [
        new(RfmSegment.Champions, 5, 5, 4, 5),
        new(RfmSegment.Champions, 4, 4, 5, 5),
        new(RfmSegment.Loyal, 4, 4, 4, 4),
        new(RfmSegment.Loyal, 3, 3, 4, 5),
        new(RfmSegment.PotentialLoyalist, 4, 5, 2, 3),
        new(RfmSegment.New, 5, 5, 1, 1),
        new(RfmSegment.Promising, 4, 4, 1, 1),
        new(RfmSegment.NeedAttention, 3, 3, 3, 3),
        new(RfmSegment.AboutToSleep, 3, 3, 1, 2),
        new(RfmSegment.AboutToSleep, 2, 2, 2, 2),
        new(RfmSegment.AtRisk, 2, 2, 3, 4),
        new(RfmSegment.AtRisk, 1, 1, 3, 3),
        new(RfmSegment.CantLoseThem, 2, 2, 5, 5),
        new(RfmSegment.CantLoseThem, 1, 1, 4, 5),
        new(RfmSegment.Lost, 1, 2, 1, 1),
        new(RfmSegment.Lost, 1, 1, 2, 2),
    ]);

    public RfmSegment SegmentOf(int recency, int fm) =>
        Rules.First(r => r.Covers(recency, fm)).Segment;

    /// <summary>Each cell that no rule or more than one rule covers, and each rule outside 1–5 or upside down, in words.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (rule, i) in Rules.Select((r, i) => (r, i)))
        {
            if (rule.RecencyFrom < 1 || rule.RecencyTo > Scores || rule.FmFrom < 1 || rule.FmTo > Scores || rule.RecencyFrom > rule.RecencyTo || rule.FmFrom > rule.FmTo)
            {
                problems.Add($"rule {i + 1} ({rule.Segment}) must name scores from 1 to 5, the lower first");
            }
        }

        for (var r = Scores; r >= 1; r--)
        {
            for (var fm = 1; fm <= Scores; fm++)
            {
                var covering = Rules.Count(rule => rule.Covers(r, fm));
                if (covering == 0)
                {
                    problems.Add($"R{r} FM{fm} has no segment");
                }
                else if (covering > 1)
                {
                    problems.Add($"R{r} FM{fm} is in {covering} rules ({string.Join(", ", Rules.Where(x => x.Covers(r, fm)).Select(x => x.Segment))})");
                }
            }
        }

        return problems;
    }
}
