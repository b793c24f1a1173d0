using System.Globalization;
using DuckDB.NET.Data;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Application.Engine;

/// <summary>The windows and weights one computation uses.</summary>
internal sealed record RfmParameters(
    DateTime Start,
    DateTime End,
    DateTime PreviousStart,
    decimal RecencyWeight,
    decimal FrequencyWeight,
    decimal MonetaryWeight,
    int DormantDays,
    SegmentMap Map);

/// <summary>
/// The analysis in SQL on the <see cref="AnalyticalStore"/>: quintile scores (NTILE) of recency, frequency and
/// monetary in the current and the previous window, the FM and weighted scores, the segment of each through the
/// segment map, the problem score and its reasons; then the migration cells, the Pareto curve and the consumption cells.
/// </summary>
internal sealed class RfmComputation(AnalyticalStore store)
{
    // Points of the problem score (0-100), and the caps of the parts that count events.
    private const int PointsPerComplaint = 20, ComplaintCap = 40;
    private const int PointsPerLowCsat = 15, LowCsatCap = 30;
    private const int PointsPerReturn = 10, ReturnCap = 20;
    private const int FallingSpendPoints = 30, DormantPoints = 20;

    /// <summary>A fall of at least this share of spending against the previous window counts as falling spend.</summary>
    private const decimal FallingSpendShare = 0.3m;

    /// <summary>The whole analysis: <see cref="ScoreWindow"/>, then <see cref="ScoreTheRest"/>.</summary>
    public void Compute(RfmParameters p)
    {
        ScoreWindow(p);
        ScoreTheRest(p);
    }

    /// <summary>The plain RFM of the current window: each buying customer's last purchase, purchases and spending, and their quintiles.</summary>
    public void ScoreWindow(RfmParameters p) => store.Execute("""
        CREATE TABLE current_window AS
        SELECT customer_id, max(bought_at) FILTER (WHERE amount > 0) AS last_at, count(*) FILTER (WHERE amount > 0) AS frequency,
            CAST(sum(amount) AS BIGINT) AS monetary, count(*) FILTER (WHERE amount < 0) AS returns
        FROM purchases WHERE bought_at >= $start AND bought_at < $end
        GROUP BY customer_id;

        CREATE TABLE current_scores AS
        SELECT customer_id, ntile(5) OVER (ORDER BY last_at) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m
        FROM current_window WHERE frequency > 0;
        """, ("start", p.Start), ("end", p.End));

    /// <summary>
    /// What the segments and problem customers need beyond the plain RFM: the previous window's scores, each customer's
    /// last purchase ever, the revenue rank, the FM and weighted scores, the segments through the map, the problem score.
    /// </summary>
    public void ScoreTheRest(RfmParameters p)
    {
        LoadMap(p.Map);
        string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var wr = Number(p.RecencyWeight);
        var wf = Number(p.FrequencyWeight);
        var wm = Number(p.MonetaryWeight);
        var fmWeights = p.FrequencyWeight + p.MonetaryWeight == 0 ? "1" : Number(p.FrequencyWeight + p.MonetaryWeight);
        var allWeights = Number(p.RecencyWeight + p.FrequencyWeight + p.MonetaryWeight);
        store.Execute($"""
            CREATE TABLE previous_window AS
            SELECT customer_id, max(bought_at) FILTER (WHERE amount > 0) AS last_at, count(*) FILTER (WHERE amount > 0) AS frequency,
                CAST(sum(amount) AS BIGINT) AS monetary
            FROM purchases WHERE bought_at >= $pstart AND bought_at < $start
            GROUP BY customer_id;

            CREATE TABLE previous_scores AS
            SELECT customer_id, ntile(5) OVER (ORDER BY last_at) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m
            FROM previous_window WHERE frequency > 0;

            CREATE TABLE history AS
            SELECT customer_id, max(bought_at) AS ever_last_at FROM purchases WHERE amount > 0 AND bought_at < $end GROUP BY customer_id;

            CREATE TABLE revenue_ranks AS
            SELECT customer_id, row_number() OVER (ORDER BY monetary DESC) AS revenue_rank FROM current_window WHERE frequency > 0;

            CREATE TABLE service AS
            SELECT customer_id,
                count(*) FILTER (WHERE complaint AND opened_at >= $start AND opened_at < $end) AS complaints,
                count(*) FILTER (WHERE csat IS NOT NULL AND csat <= 2 AND csat_at >= $start AND csat_at < $end) AS low_csat
            FROM tickets WHERE customer_id IS NOT NULL GROUP BY customer_id;

            CREATE TABLE card_return_counts AS
            SELECT customer_id, count(*) AS returns FROM card_returns WHERE returned_at >= $start AND returned_at < $end GROUP BY customer_id;

            CREATE TABLE scored AS
            WITH joined AS (
                SELECT h.customer_id, h.ever_last_at,
                    coalesce(w.frequency, 0) AS frequency, coalesce(w.monetary, 0) AS monetary, coalesce(pw.monetary, 0) AS prev_monetary,
                    c.code, c.name, c.phone, c.email, c.tier, c.lifecycle, c.owner_id, c.unit_id, c.consent,
                    cs.r, cs.f, cs.m, rr.revenue_rank,
                    CASE WHEN cs.f IS NULL THEN NULL ELSE greatest(1, least(5, round(({wf} * cs.f + {wm} * cs.m) / {fmWeights}))) END AS fm,
                    CASE WHEN ps.f IS NULL THEN NULL ELSE greatest(1, least(5, round(({wf} * ps.f + {wm} * ps.m) / {fmWeights}))) END AS prev_fm,
                    ps.r AS prev_r,
                    coalesce(s.complaints, 0) AS complaints, coalesce(s.low_csat, 0) AS low_csat,
                    coalesce(w.returns, 0) + coalesce(cr.returns, 0) AS all_returns,
                    date_diff('day', h.ever_last_at, $end) AS days_since
                FROM history h
                JOIN customers c ON c.id = h.customer_id
                LEFT JOIN current_window w ON w.customer_id = h.customer_id
                LEFT JOIN previous_window pw ON pw.customer_id = h.customer_id
                LEFT JOIN current_scores cs ON cs.customer_id = h.customer_id
                LEFT JOIN previous_scores ps ON ps.customer_id = h.customer_id
                LEFT JOIN revenue_ranks rr ON rr.customer_id = h.customer_id
                LEFT JOIN service s ON s.customer_id = h.customer_id
                LEFT JOIN card_return_counts cr ON cr.customer_id = h.customer_id),
            parts AS (
                SELECT j.*,
                    least(complaints * {PointsPerComplaint}, {ComplaintCap}) AS p_complaints,
                    least(low_csat * {PointsPerLowCsat}, {LowCsatCap}) AS p_csat,
                    CASE WHEN prev_monetary > 0 AND monetary < prev_monetary * (1 - {Number(FallingSpendShare)})
                        THEN CAST(round({FallingSpendPoints} * (1 - greatest(monetary, 0) / prev_monetary)) AS INTEGER) ELSE 0 END AS p_falling,
                    least(all_returns * {PointsPerReturn}, {ReturnCap}) AS p_returns,
                    CASE WHEN days_since >= $dormant THEN {DormantPoints} ELSE 0 END AS p_dormant
                FROM joined j)
            SELECT p.*, sm.segment, psm.segment AS prev_segment,
                CASE WHEN p.r IS NULL OR {allWeights} = 0 THEN NULL ELSE round(({wr} * p.r + {wf} * p.f + {wm} * p.m) / {allWeights}, 3) END AS score,
                least(100, p.p_complaints + p.p_csat + p.p_falling + p.p_returns + p.p_dormant) AS problem_score,
                concat_ws(',',
                    CASE WHEN p_complaints > 0 THEN 'Complaints' END, CASE WHEN p_csat > 0 THEN 'LowSatisfaction' END,
                    CASE WHEN p_falling > 0 THEN 'FallingSpend' END, CASE WHEN p_returns > 0 THEN 'Returns' END,
                    CASE WHEN p_dormant > 0 THEN 'Dormant' END) AS reasons
            FROM parts p
            LEFT JOIN segment_map sm ON sm.r = p.r AND sm.fm = p.fm
            LEFT JOIN segment_map psm ON psm.r = p.prev_r AND psm.fm = p.prev_fm;
            """,
            ("start", p.Start), ("end", p.End), ("pstart", p.PreviousStart), ("dormant", p.DormantDays));
    }

    private void LoadMap(SegmentMap map)
    {
        using var appender = store.Appender("segment_map");
        for (var r = 1; r <= SegmentMap.Scores; r++)
        {
            for (var fm = 1; fm <= SegmentMap.Scores; fm++)
            {
                appender.CreateRow().AppendValue(r).AppendValue(fm).AppendValue(map.SegmentOf(r, fm).ToString()).EndRow();
            }
        }
    }

    public int ScoredCount() => (int)store.Count("scored");

    /// <summary>Every scored customer, streamed.</summary>
    public IEnumerable<CustomerScore> Scores()
    {
        using var command = store.Command("""
            SELECT customer_id, code, name, phone, email, tier, lifecycle, owner_id, unit_id, consent, ever_last_at, frequency, monetary,
                prev_monetary, r, f, m, fm, score, segment, prev_segment, problem_score, reasons, complaints, low_csat, all_returns, revenue_rank
            FROM scored
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new CustomerScore
            {
                CustomerId = reader.GetGuid(0),
                Code = reader.GetString(1),
                DisplayName = reader.GetString(2),
                Phone = NullableString(reader, 3),
                Email = NullableString(reader, 4),
                Tier = NullableString(reader, 5),
                LifecycleClass = Enum.Parse<LifecycleClass>(reader.GetString(6)),
                OwnerUserId = reader.IsDBNull(7) ? null : reader.GetGuid(7),
                UnitId = reader.IsDBNull(8) ? null : reader.GetGuid(8),
                MarketingConsent = reader.GetBoolean(9),
                LastPurchaseAt = reader.IsDBNull(10) ? null : DateTime.SpecifyKind(reader.GetDateTime(10), DateTimeKind.Utc),
                Frequency = Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture),
                Monetary = Convert.ToInt64(reader.GetValue(12), CultureInfo.InvariantCulture),
                PreviousMonetary = Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture),
                R = NullableInt(reader, 14),
                F = NullableInt(reader, 15),
                M = NullableInt(reader, 16),
                Fm = NullableInt(reader, 17),
                Score = reader.IsDBNull(18) ? null : Convert.ToDecimal(reader.GetValue(18), CultureInfo.InvariantCulture),
                Segment = reader.IsDBNull(19) ? null : Enum.Parse<RfmSegment>(reader.GetString(19)),
                PreviousSegment = reader.IsDBNull(20) ? null : Enum.Parse<RfmSegment>(reader.GetString(20)),
                ProblemScore = Convert.ToInt32(reader.GetValue(21), CultureInfo.InvariantCulture),
                ProblemReasons = reader.IsDBNull(22) ? "" : reader.GetString(22),
                Complaints = Convert.ToInt32(reader.GetValue(23), CultureInfo.InvariantCulture),
                LowCsat = Convert.ToInt32(reader.GetValue(24), CultureInfo.InvariantCulture),
                Returns = Convert.ToInt32(reader.GetValue(25), CultureInfo.InvariantCulture),
                RevenueRank = NullableInt(reader, 26) ?? 0,
            };
        }
    }

    /// <summary>The migration matrix per organization unit: previous segment → segment now.</summary>
    public IEnumerable<SegmentCell> Cells()
    {
        using var command = store.Command("""
            SELECT unit_id, prev_segment, segment, count(*), CAST(sum(monetary) AS BIGINT), CAST(sum(prev_monetary) AS BIGINT)
            FROM scored WHERE segment IS NOT NULL OR prev_segment IS NOT NULL
            GROUP BY ALL
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new SegmentCell
            {
                Id = Guid.NewGuid(),
                UnitId = reader.IsDBNull(0) ? null : reader.GetGuid(0),
                From = reader.IsDBNull(1) ? null : Enum.Parse<RfmSegment>(reader.GetString(1)),
                To = reader.IsDBNull(2) ? null : Enum.Parse<RfmSegment>(reader.GetString(2)),
                Customers = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                Revenue = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                PreviousRevenue = Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>The Pareto curve of the current window: for each whole percent of customers (by spending, most first), the share of revenue they bring.</summary>
    public IReadOnlyList<ParetoPoint> Pareto()
    {
        using var command = store.Command("""
            SELECT CAST(ceil(100.0 * rn / n) AS INTEGER) AS pct, 100.0 * max(cum) / max(total) AS share
            FROM (SELECT row_number() OVER (ORDER BY monetary DESC) AS rn, count(*) OVER () AS n, sum(monetary) OVER () AS total,
                    sum(monetary) OVER (ORDER BY monetary DESC ROWS UNBOUNDED PRECEDING) AS cum
                  FROM scored WHERE monetary > 0)
            GROUP BY 1 ORDER BY 1
            """);
        using var reader = command.ExecuteReader();
        var shares = new Dictionary<int, decimal>();
        while (reader.Read())
        {
            shares[reader.GetInt32(0)] = Math.Round(Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture), 3);
        }

        if (shares.Count == 0)
        {
            return [];
        }

        // With fewer than 100 customers some percents have no customer of their own: they hold the share before them.
        var points = new List<ParetoPoint>();
        var last = 0m;
        for (var percent = 1; percent <= 100; percent++)
        {
            last = shares.TryGetValue(percent, out var share) ? share : last;
            points.Add(new ParetoPoint { Percent = percent, RevenueShare = last });
        }

        return points;
    }

    /// <summary>Monthly purchases, customers and revenue of both windows by store, tier, lifecycle class and card product, per unit.</summary>
    public IEnumerable<ConsumptionCell> Consumption(RfmParameters p)
    {
        using var command = store.Command("""
            WITH pc AS (
                SELECT p.*, c.tier, c.lifecycle, c.unit_id, date_trunc('month', p.bought_at) AS month
                FROM purchases p JOIN customers c ON c.id = p.customer_id
                WHERE p.bought_at >= $pstart AND p.bought_at < $end)
            SELECT 'Store', coalesce(store, ''), month, unit_id, count(*), count(DISTINCT customer_id), CAST(sum(amount) AS BIGINT) FROM pc GROUP BY ALL
            UNION ALL
            SELECT 'Tier', coalesce(tier, ''), month, unit_id, count(*), count(DISTINCT customer_id), CAST(sum(amount) AS BIGINT) FROM pc GROUP BY ALL
            UNION ALL
            SELECT 'LifecycleClass', lifecycle, month, unit_id, count(*), count(DISTINCT customer_id), CAST(sum(amount) AS BIGINT) FROM pc GROUP BY ALL
            UNION ALL
            SELECT 'CardProduct', coalesce(r.product, ''), month, unit_id, count(*), count(DISTINCT customer_id), CAST(sum(amount) AS BIGINT)
            FROM pc LEFT JOIN (SELECT receipt, min(product) AS product FROM card_receipts GROUP BY receipt) r ON r.receipt = pc.receipt GROUP BY ALL
            """, ("pstart", p.PreviousStart), ("end", p.End));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ConsumptionCell
            {
                Id = Guid.NewGuid(),
                Dimension = Enum.Parse<ConsumptionDimension>(reader.GetString(0)),
                Key = reader.GetString(1),
                Month = DateOnly.FromDateTime(reader.GetDateTime(2)),
                UnitId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                Purchases = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                Customers = Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                Revenue = Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
            };
        }
    }

    private static string? NullableString(DuckDBDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static int? NullableInt(DuckDBDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
}
