using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Web.Api;

/// <summary>
/// The customers a list or an action is for, as the list's query names them: a segment, a matrix cell (from, to), the
/// top N %, problem or dormant customers, a tier or lifecycle class; who bought in some months (boughtFrom, boughtTo as
/// yyyy-MM), at a store or paying with a card product; who holds cards of a product (holds, soldBy).
/// </summary>
internal sealed record ListFilter
{
    public RfmSegment? Segment { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public int? Top { get; init; }

    public bool? Problem { get; init; }

    public bool? Dormant { get; init; }

    public string? Tier { get; init; }

    public LifecycleClass? Lifecycle { get; init; }

    public DateOnly? BoughtFrom { get; init; }

    public DateOnly? BoughtTo { get; init; }

    public string? Store { get; init; }

    public string? PaidWith { get; init; }

    public string? Holds { get; init; }

    public string? SoldBy { get; init; }

    public CustomerFilter ToFilter(int page = 1) => new()
    {
        Segment = Segment, From = From, To = To, Top = Top, Problem = Problem ?? false, Dormant = Dormant ?? false, Tier = Tier, Lifecycle = Lifecycle,
        BoughtFrom = Month(BoughtFrom), BoughtTo = Month(BoughtTo), Store = Blank(Store), PaidWith = Blank(PaidWith), Holds = Blank(Holds), SoldBy = Blank(SoldBy),
        Page = page,
    };

    private static DateOnly? Month(DateOnly? day) => day is { } d ? new DateOnly(d.Year, d.Month, 1) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The body of <c>POST /api/analysis/actions/tag</c>.</summary>
internal sealed record TagRequest(ListFilter? Customers, string? Tag);

/// <summary>The body of <c>POST /api/analysis/actions/call-list</c>.</summary>
internal sealed record CallListRequest(ListFilter? Customers, string? Name, IReadOnlyList<Guid>? AgentUserIds);

/// <summary>The body of <c>POST /api/analysis/actions/greeting</c> and its preview; the channel is <c>email</c> (default) or <c>sms</c>.</summary>
internal sealed record GreetingRequest(ListFilter? Customers, string? Channel, string? Culture);

/// <summary>The body of <c>POST /api/analysis/recomputes</c>: <c>rebuild</c> reads every fact again from the other modules first.</summary>
internal sealed record RecomputeRequest(bool? Rebuild);

/// <summary>How many customers an action reached.</summary>
internal sealed record TaggedDto(int Tagged);
