using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Approval;

/// <summary>One step of a change request's history: requested, reviewed, approved or rejected.</summary>
internal sealed record ChangeRequestStep(string Step, string By, DateTime At, string? Comment);

/// <summary>A change request as listed, with the customer it is for and its history.</summary>
internal sealed record ChangeRequestView(
    Guid Id,
    Guid CustomerId,
    string CustomerCode,
    string CustomerName,
    string Summary,
    ChangeRequestStatus Status,
    string RequestedBy,
    DateTime RequestedAt,
    string? ReviewedBy,
    DateTime? ReviewedAt,
    string? ReviewComment,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Comment,
    long BaseVersion,
    IReadOnlyList<ChangeRequestStep> History)
{
    public bool IsPending => Status is ChangeRequestStatus.PendingReview or ChangeRequestStatus.PendingApproval;

    public static ChangeRequestView From(ChangeRequest r, string code, string name)
    {
        var history = new List<ChangeRequestStep> { new("Requested", r.RequestedBy, r.RequestedAt, null) };
        if (r is { ReviewedBy: { } reviewer, ReviewedAt: { } reviewedAt })
        {
            var rejectedAtReview = r.Status == ChangeRequestStatus.Rejected && r.DecidedAt is null;
            history.Add(new(rejectedAtReview ? "Rejected at review" : "Reviewed", reviewer, reviewedAt, r.ReviewComment));
        }

        if (r is { DecidedBy: { } decider, DecidedAt: { } decidedAt })
        {
            history.Add(new(r.Status == ChangeRequestStatus.Approved ? "Approved" : "Rejected", decider, decidedAt, r.Comment));
        }

        return new(r.Id, r.CustomerId, code, name, r.Summary, r.Status, r.RequestedBy, r.RequestedAt, r.ReviewedBy, r.ReviewedAt, r.ReviewComment,
            r.DecidedBy, r.DecidedAt, r.Comment, r.BaseVersion, history);
    }
}

/// <summary>
/// Reads change requests within the user's data scope. Everyone who may see a customer sees its
/// pending requests and their history.
/// </summary>
internal sealed class ChangeRequestQueries(MembersDbContext db, CustomerService customers)
{
    public async Task<PagedResult<ChangeRequestView>> ListAsync(ChangeRequestStatus? status, Guid? customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var requests = await VisibleAsync(cancellationToken);
        if (status is { } wanted)
        {
            requests = requests.Where(r => r.Status == wanted);
        }

        if (customerId is { } id)
        {
            requests = requests.Where(r => r.CustomerId == id);
        }

        var total = await requests.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await requests.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ChangeRequestView>(await ViewsAsync(rows, cancellationToken), page, pageSize, total);
    }

    public async Task<ChangeRequestView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : (await ViewsAsync([request], cancellationToken))[0];
    }

    /// <summary>
    /// The requests of a customer still waiting for review or approval, newest first: the customer page
    /// shows a "pending change" notice when there is one.
    /// </summary>
    public async Task<IReadOnlyList<ChangeRequestView>> PendingForCustomerAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var rows = await (await VisibleAsync(cancellationToken))
            .Where(r => r.CustomerId == customerId && (r.Status == ChangeRequestStatus.PendingReview || r.Status == ChangeRequestStatus.PendingApproval))
            .OrderByDescending(r => r.RequestedAt)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(rows, cancellationToken);
    }

    private async Task<IQueryable<ChangeRequest>> VisibleAsync(CancellationToken cancellationToken)
    {
        var visible = await customers.VisibleAsync(cancellationToken);
        return db.Set<ChangeRequest>().AsNoTracking().Where(r => visible.Any(c => c.Id == r.CustomerId));
    }

    private async Task<IReadOnlyList<ChangeRequestView>> ViewsAsync(IReadOnlyList<ChangeRequest> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.CustomerId).Distinct().ToList();
        var names = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.DisplayName), cancellationToken);
        return rows.Select(r => names.TryGetValue(r.CustomerId, out var n) ? ChangeRequestView.From(r, n.Code, n.DisplayName) : ChangeRequestView.From(r, "", ""))
            .ToList();
    }
}
