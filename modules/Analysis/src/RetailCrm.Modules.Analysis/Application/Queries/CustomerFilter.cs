using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Application.Queries;

/// <summary>What a figure stands for, as the customers behind it: a segment, a cell of the migration matrix, the top
/// share of the Pareto curve, the problem or dormant customers, a tier or lifecycle class; a consumption row (who
/// bought in these months, at a store or paying with a card product); a liability row (who holds cards of a product).</summary>
internal sealed record CustomerFilter
{
    /// <summary>The word a matrix cell uses for "bought nothing in that window".</summary>
    public const string None = "none";

    public const int PageSize = 50;

    public RfmSegment? Segment { get; init; }

    /// <summary>A matrix cell's row: a segment name or <see cref="None"/>.</summary>
    public string? From { get; init; }

    /// <summary>A matrix cell's column: a segment name or <see cref="None"/>.</summary>
    public string? To { get; init; }

    /// <summary>The top N % of customers by spending in the window.</summary>
    public int? Top { get; init; }

    public bool Problem { get; init; }

    public bool Dormant { get; init; }

    public string? Tier { get; init; }

    public LifecycleClass? Lifecycle { get; init; }

    /// <summary>Bought in this month or later (its first day).</summary>
    public DateOnly? BoughtFrom { get; init; }

    /// <summary>Bought in this month or earlier (its first day).</summary>
    public DateOnly? BoughtTo { get; init; }

    /// <summary>Bought at this store (its code).</summary>
    public string? Store { get; init; }

    /// <summary>Paid (part of) a purchase with a card of this product.</summary>
    public string? PaidWith { get; init; }

    /// <summary>Holds an open card of this product with money on it.</summary>
    public string? Holds { get; init; }

    /// <summary>With <see cref="Holds"/>: the card was sold by this store (<see cref="None"/>: by head office).</summary>
    public string? SoldBy { get; init; }

    /// <summary>Whether the list is narrowed by purchases (months, store, card product paid with).</summary>
    public bool ByPurchases => BoughtFrom is not null || BoughtTo is not null || Store is not null || PaidWith is not null;

    public int Page { get; init; } = 1;

    /// <summary>The query string that shows this filter again, without the page.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && !(value is bool b && !b))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value is bool ? "true" : value.ToString()!)}");
            }
        }

        Add("segment", Segment);
        Add("from", From);
        Add("to", To);
        Add("top", Top);
        Add("problem", Problem);
        Add("dormant", Dormant);
        Add("tier", Tier);
        Add("lifecycle", Lifecycle);
        Add("boughtFrom", BoughtFrom?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Add("boughtTo", BoughtTo?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Add("store", Store);
        Add("paidWith", PaidWith);
        Add("holds", Holds);
        Add("soldBy", SoldBy);
        return string.Join("&", parts);
    }

    /// <summary>A matrix axis value as stored: null for <see cref="None"/>, the segment otherwise; false when the text is neither.</summary>
    public static bool TryAxis(string? text, out RfmSegment? segment)
    {
        segment = null;
        if (string.Equals(text, None, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Enum.TryParse<RfmSegment>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            segment = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>One customer of a drill-down list.</summary>
internal sealed record AnalysedCustomer(
    Guid CustomerId,
    string Code,
    string DisplayName,
    string? Phone,
    string? Tier,
    LifecycleClass LifecycleClass,
    RfmSegment? Segment,
    RfmSegment? PreviousSegment,
    int? R,
    int? F,
    int? M,
    int Frequency,
    long Monetary,
    long PreviousMonetary,
    DateTime? LastPurchaseAt,
    int? DaysSinceLastPurchase,
    int ProblemScore,
    IReadOnlyList<ProblemReason> Reasons,
    bool MarketingConsent);

/// <summary>A page of customers behind a figure.</summary>
internal sealed record CustomerPage(IReadOnlyList<AnalysedCustomer> Items, int Total, int Page, int PageSize);
