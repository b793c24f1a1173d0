using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Web.Api;

/// <summary>The customers an action is for, as the list's query names them: a segment, a matrix cell (from, to), the top N %, problem or dormant customers, a tier or lifecycle class.</summary>
internal sealed record ListFilter(RfmSegment? Segment, string? From, string? To, int? Top, bool? Problem, bool? Dormant, string? Tier, LifecycleClass? Lifecycle)
{
    public CustomerFilter ToFilter(int page = 1) => new()
    {
        Segment = Segment, From = From, To = To, Top = Top, Problem = Problem ?? false, Dormant = Dormant ?? false, Tier = Tier, Lifecycle = Lifecycle, Page = page,
    };
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
