using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Analysis.Application.Queries;

/// <summary>The customers behind a figure, ordered as the list shows them.</summary>
internal sealed record FilteredCustomers(IQueryable<CustomerScore> Query);

/// <summary>Customers and revenue of one segment now.</summary>
internal sealed record SegmentFigure(RfmSegment Segment, int Customers, long Revenue);

/// <summary>One cell of the migration matrix as shown: null axis values are "bought nothing in that window".</summary>
internal sealed record MatrixCell(RfmSegment? From, RfmSegment? To, int Customers, long Revenue, long PreviousRevenue);

/// <summary>The Pareto curve (percent of customers → percent of revenue) and the share of the top N %.</summary>
internal sealed record ParetoCurve(IReadOnlyList<(int Percent, decimal Share)> Points, int TopPercent, decimal TopShare, int Customers);

/// <summary>
/// Reads the last recompute's results within the user's data scope: a store manager's figures are those of his
/// store's customers. Segment and matrix figures come from the cells per unit, summed; a user who sees only his own
/// customers gets them counted from the scores.
/// </summary>
internal sealed class AnalysisQueries(AnalysisDbContext db, IDataScopeProvider scopes, AnalysisSettings settings, TimeProvider time)
{
    public async Task<IQueryable<CustomerScore>> ScopedScoresAsync(CancellationToken cancellationToken) =>
        await scopes.ApplyAsync(db.Set<CustomerScore>().AsNoTracking(), c => c.OwnerUserId, c => c.UnitId, cancellationToken);

    public async Task<IReadOnlyList<MatrixCell>> MatrixAsync(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (scope.Scope == DataScope.Own)
        {
            var own = await ScopedScoresAsync(cancellationToken);
            return await own.Where(c => c.Segment != null || c.PreviousSegment != null)
                .GroupBy(c => new { c.PreviousSegment, c.Segment })
                .Select(g => new MatrixCell(g.Key.PreviousSegment, g.Key.Segment, g.Count(), g.Sum(c => c.Monetary), g.Sum(c => c.PreviousMonetary)))
                .ToListAsync(cancellationToken);
        }

        var cells = await scopes.ApplyAsync(db.Set<SegmentCell>().AsNoTracking(), c => (Guid?)null, c => c.UnitId, cancellationToken);
        var rows = await cells.Select(c => new { c.From, c.To, c.Customers, c.Revenue, c.PreviousRevenue }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(c => (c.From, c.To))
            .Select(g => new MatrixCell(g.Key.From, g.Key.To, g.Sum(c => c.Customers), g.Sum(c => c.Revenue), g.Sum(c => c.PreviousRevenue)))];
    }

    public async Task<IReadOnlyList<SegmentFigure>> SegmentsAsync(CancellationToken cancellationToken)
    {
        var cells = await MatrixAsync(cancellationToken);
        return [.. Enum.GetValues<RfmSegment>().Select(s =>
        {
            var of = cells.Where(c => c.To == s).ToList();
            return new SegmentFigure(s, of.Sum(c => c.Customers), of.Sum(c => c.Revenue));
        })];
    }

    public async Task<ParetoCurve> ParetoAsync(int? topPercent, CancellationToken cancellationToken)
    {
        var configuration = await settings.GetAsync(cancellationToken);
        var top = topPercent ?? configuration.TopPercent;
        var scope = await scopes.GetAsync(cancellationToken);
        List<(int Percent, decimal Share)> points;
        int customers;
        var scores = await ScopedScoresAsync(cancellationToken);
        if (scope.Scope == DataScope.All)
        {
            points = [.. (await db.Set<ParetoPoint>().AsNoTracking().OrderBy(p => p.Percent).ToListAsync(cancellationToken)).Select(p => (p.Percent, p.RevenueShare))];
            customers = await scores.CountAsync(c => c.Monetary > 0, cancellationToken);
        }
        else
        {
            var spending = await scores.Where(c => c.Monetary > 0).OrderByDescending(c => c.Monetary).Select(c => c.Monetary).ToListAsync(cancellationToken);
            customers = spending.Count;
            points = Curve(spending);
        }

        var share = points.FirstOrDefault(p => p.Percent == top).Share;
        return new ParetoCurve(points, top, share, customers);
    }

    /// <summary>The curve of spending already sorted from the most: for each whole percent of customers, the share of revenue.</summary>
    public static List<(int Percent, decimal Share)> Curve(IReadOnlyList<long> spendingDescending)
    {
        if (spendingDescending.Count == 0)
        {
            return [];
        }

        var total = (decimal)spendingDescending.Sum();
        var points = new List<(int, decimal)>();
        long running = 0;
        var taken = 0;
        for (var percent = 1; percent <= 100; percent++)
        {
            var upTo = (int)Math.Ceiling(spendingDescending.Count * percent / 100m);
            for (; taken < upTo; taken++)
            {
                running += spendingDescending[taken];
            }

            points.Add((percent, Math.Round(100m * running / total, 3)));
        }

        return points;
    }

    public async Task<Result<CustomerPage>> CustomersAsync(CustomerFilter filter, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        if (query.IsRefused)
        {
            return query.Refusal;
        }

        var total = await query.Value.Query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await query.Value.Query.Skip((page - 1) * CustomerFilter.PageSize).Take(CustomerFilter.PageSize).ToListAsync(cancellationToken);
        return new CustomerPage([.. rows.Select(r => Shown(r, now))], total, page, CustomerFilter.PageSize);
    }

    public static AnalysedCustomer Shown(CustomerScore c, DateTime now) => new(
        c.CustomerId, c.Code, c.DisplayName, c.Phone, c.Tier, c.LifecycleClass, c.Segment, c.PreviousSegment, c.R, c.F, c.M, c.Frequency,
        c.Monetary, c.PreviousMonetary, c.LastPurchaseAt, c.LastPurchaseAt is { } last ? (int)(now - last).TotalDays : null, c.ProblemScore,
        [.. c.ProblemReasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ProblemReason>)], c.MarketingConsent);

    /// <summary>The purchase facts a consumption row counts: in its months, at its store, paid with its card product.</summary>
    private IQueryable<PurchaseFact> BoughtAs(CustomerFilter filter)
    {
        var purchases = db.Set<PurchaseFact>().AsNoTracking();
        if (filter.BoughtFrom is { } from)
        {
            var since = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            purchases = purchases.Where(p => p.PurchasedAt >= since);
        }

        if (filter.BoughtTo is { } to)
        {
            var until = to.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            purchases = purchases.Where(p => p.PurchasedAt < until);
        }

        if (filter.Store is { } store)
        {
            purchases = purchases.Where(p => p.StoreCode == store);
        }

        if (filter.PaidWith is { } product)
        {
            var cardIds = db.Set<CardFact>().AsNoTracking().Where(k => k.ProductCode == product).Select(k => k.Id);
            var receipts = db.Set<CardEntryFact>().AsNoTracking().Where(e => e.Kind == LedgerEntryKind.Payment && e.ReceiptId != null && cardIds.Contains(e.CardId)).Select(e => e.ReceiptId);
            purchases = purchases.Where(p => receipts.Contains(p.ReceiptId));
        }

        return purchases;
    }

    /// <summary>The scoped customers behind a figure, in the order the list shows them; the refusal names the field at fault.</summary>
    public async Task<Result<FilteredCustomers>> FilteredAsync(CustomerFilter filter, CancellationToken cancellationToken)
    {
        if (filter.From is not null && !CustomerFilter.TryAxis(filter.From, out _))
        {
            return Refusal.Invalid("analysis/filter-invalid", "from", "'{0}' is neither a segment nor '{1}'.", filter.From, CustomerFilter.None);
        }

        if (filter.To is not null && !CustomerFilter.TryAxis(filter.To, out _))
        {
            return Refusal.Invalid("analysis/filter-invalid", "to", "'{0}' is neither a segment nor '{1}'.", filter.To, CustomerFilter.None);
        }

        if (!TopShare.IsValidList(filter.Top))
        {
            return Refusal.Invalid("analysis/filter-invalid", "top", TopShare.ListRule);
        }

        if (filter.BoughtFrom is { } boughtFrom && filter.BoughtTo is { } boughtTo && boughtTo < boughtFrom)
        {
            return Refusal.Invalid("analysis/filter-invalid", "boughtTo", "The months end ({0}) before they start ({1}).",
                boughtTo.ToString("yyyy-MM", CultureInfo.InvariantCulture), boughtFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        if (filter.SoldBy is not null && filter.Holds is null)
        {
            return Refusal.Invalid("analysis/filter-invalid", "soldBy", "'soldBy' narrows the holders of a card product: name the product with 'holds'.");
        }

        var configuration = await settings.GetAsync(cancellationToken);
        var query = await ScopedScoresAsync(cancellationToken);
        if (filter.Segment is { } segment)
        {
            query = query.Where(c => c.Segment == segment);
        }

        if (filter.From is not null)
        {
            CustomerFilter.TryAxis(filter.From, out var from);
            query = query.Where(c => c.PreviousSegment == from);
        }

        if (filter.To is not null)
        {
            CustomerFilter.TryAxis(filter.To, out var to);
            query = query.Where(c => c.Segment == to);
        }

        if (filter.From is not null && filter.To is not null && filter.From.Equals(CustomerFilter.None, StringComparison.OrdinalIgnoreCase) && filter.To.Equals(CustomerFilter.None, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Invalid("analysis/filter-invalid", "to", "A customer who bought nothing in either window is in no cell of the matrix.");
        }

        if (filter.Tier is { Length: > 0 } tier)
        {
            query = query.Where(c => c.Tier == tier);
        }

        if (filter.Lifecycle is { } lifecycle)
        {
            query = query.Where(c => c.LifecycleClass == lifecycle);
        }

        if (filter.ByPurchases)
        {
            var bought = BoughtAs(filter);
            query = query.Where(c => bought.Any(p => p.CustomerId == c.CustomerId));
        }

        if (filter.Holds is { } product)
        {
            var cards = db.Set<CardFact>().AsNoTracking().Where(k => k.ProductCode == product && !k.IsClosed && k.Balance > 0);
            if (filter.SoldBy is { } soldBy)
            {
                cards = soldBy.Equals(CustomerFilter.None, StringComparison.OrdinalIgnoreCase) ? cards.Where(k => k.StoreCode == null) : cards.Where(k => k.StoreCode == soldBy);
            }

            query = query.Where(c => cards.Any(k => k.CustomerId == c.CustomerId));
        }

        if (filter.Problem)
        {
            query = query.Where(c => c.ProblemScore >= configuration.ProblemThreshold);
        }

        if (filter.Dormant)
        {
            var since = time.GetUtcNow().UtcDateTime.AddDays(-configuration.DormantDays);
            query = query.Where(c => c.LastPurchaseAt != null && c.LastPurchaseAt <= since);
        }

        if (filter.Top is { } top)
        {
            var spenders = await query.CountAsync(c => c.Monetary > 0, cancellationToken);
            var take = (int)Math.Ceiling(spenders * top / 100m);
            return new FilteredCustomers(query.Where(c => c.Monetary > 0).OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId).Take(take));
        }

        IQueryable<CustomerScore> ordered = filter switch
        {
            { Problem: true } => query.OrderByDescending(c => c.ProblemScore).ThenByDescending(c => c.PreviousMonetary).ThenBy(c => c.CustomerId),
            { Dormant: true } => query.OrderBy(c => c.LastPurchaseAt).ThenBy(c => c.CustomerId),
            _ => query.OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId),
        };
        return new FilteredCustomers(ordered);
    }
}
