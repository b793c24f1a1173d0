using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Timeline;

/// <summary>
/// What members knows happened to a customer, for the 360° timeline: the record created and last changed, change
/// requests and their review and decision, class changes, merges, and recorded purchases. Only for a customer in the
/// user's data scope.
/// </summary>
internal sealed class MembersTimeline(MembersDbContext db, CustomerService customers, IPermissionChecker permissions, IDisplayText display, IStringLocalizer<MembersModule> t)
    : ITimelineContributor
{
    public async Task<IReadOnlyList<TimelineEntry>> GetEntriesAsync(TimelineQuery query, CancellationToken cancellationToken)
    {
        var id = query.CustomerId;
        if (!await permissions.IsGrantedAsync(MembersPermissions.View, cancellationToken)
            || await (await customers.VisibleAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } customer)
        {
            return [];
        }

        var before = query.Before ?? DateTime.MaxValue;
        var limit = query.Limit;
        var entries = new List<TimelineEntry>();
        entries.AddRange(RecordEntries(customer));
        entries.AddRange(await ChangeRequestEntriesAsync(id, before, limit, cancellationToken));
        entries.AddRange(await ClassEntriesAsync(id, before, limit, cancellationToken));
        entries.AddRange(await MergeEntriesAsync(id, before, limit, cancellationToken));
        entries.AddRange(await PurchaseEntriesAsync(id, before, limit, cancellationToken));
        return entries.Where(e => query.Admits(e.When)).OrderByDescending(e => e.When).Take(limit).ToList();
    }

    private IEnumerable<TimelineEntry> RecordEntries(Customer customer)
    {
        yield return new TimelineEntry(customer.CreatedAt, "members.created", "user-plus", t["Became a customer ({0})", customer.Code]);
        if (customer.Version > 1 && customer.UpdatedAt > customer.CreatedAt)
        {
            yield return new TimelineEntry(customer.UpdatedAt, "members.changed", "pencil", t["Record changed (version {0})", customer.Version])
            {
                Url = $"/members/customers/{customer.Id}/edit",
            };
        }
    }

    private async Task<IEnumerable<TimelineEntry>> ChangeRequestEntriesAsync(Guid id, DateTime before, int limit, CancellationToken cancellationToken)
    {
        var requests = await db.Set<ChangeRequest>().AsNoTracking()
            .Where(r => r.CustomerId == id && r.RequestedAt < before)
            .OrderByDescending(r => r.RequestedAt).Take(limit).ToListAsync(cancellationToken);
        return requests.SelectMany(ChangeRequestSteps);
    }

    private IEnumerable<TimelineEntry> ChangeRequestSteps(ChangeRequest r)
    {
        const string Url = "/members/change-requests";
        yield return new TimelineEntry(r.RequestedAt, "members.change-requested", "file-pen-line", t["Change requested"]) { Detail = $"{r.Summary} · {r.RequestedBy}", Url = Url };
        if (r.ReviewedAt is { } reviewedAt)
        {
            yield return new TimelineEntry(reviewedAt, "members.change-reviewed", "eye", t["Change reviewed"]) { Detail = Joined(r.ReviewedBy, r.ReviewComment), Url = Url };
        }

        if (r.DecidedAt is { } decidedAt && r.Status is ChangeRequestStatus.Approved or ChangeRequestStatus.Rejected)
        {
            var approved = r.Status == ChangeRequestStatus.Approved;
            yield return new TimelineEntry(decidedAt, approved ? "members.change-approved" : "members.change-rejected", approved ? "circle-check" : "circle-x",
                approved ? t["Change approved"] : t["Change rejected"]) { Detail = Joined(r.Summary, r.DecidedBy, r.Comment), Url = Url };
        }
    }

    private async Task<IEnumerable<TimelineEntry>> ClassEntriesAsync(Guid id, DateTime before, int limit, CancellationToken cancellationToken) =>
        (await db.Set<LifecycleChange>().AsNoTracking()
            .Where(c => c.CustomerId == id && c.ChangedAt < before)
            .OrderByDescending(c => c.ChangedAt).Take(limit).ToListAsync(cancellationToken))
        .Select(c => new TimelineEntry(c.ChangedAt, "members.class", "trending-up", t["Class: {0} → {1}", display.Name(c.From), display.Name(c.To)])
        {
            Detail = c.Reason.Length > 0 ? c.Reason : null,
        });

    private async Task<IEnumerable<TimelineEntry>> MergeEntriesAsync(Guid id, DateTime before, int limit, CancellationToken cancellationToken)
    {
        var text = id.ToString();
        var records = await db.Set<MergeRecord>().AsNoTracking()
            .Where(r => (r.SurvivorId == id || r.MergedIds.Contains(text)) && r.MergedAt < before)
            .OrderByDescending(r => r.MergedAt).Take(limit).ToListAsync(cancellationToken);
        var survivorIds = records.Select(r => r.SurvivorId).Distinct().ToList();
        var codes = await db.Set<Customer>().AsNoTracking().Where(c => survivorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        return records.Select(r => new TimelineEntry(r.MergedAt, "members.merge", "git-merge", r.SurvivorId == id
            ? t["{0} record(s) merged into this one", r.MergedIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length]
            : t["Merged into {0}", codes.GetValueOrDefault(r.SurvivorId, "")])
        {
            Detail = r.MergedBy,
            Url = $"/members/customers/{id}/merges",
        });
    }

    private async Task<IEnumerable<TimelineEntry>> PurchaseEntriesAsync(Guid id, DateTime before, int limit, CancellationToken cancellationToken) =>
        (await db.Set<Purchase>().AsNoTracking()
            .Where(p => p.CustomerId == id && p.PurchasedAt < before)
            .OrderByDescending(p => p.PurchasedAt).Take(limit).ToListAsync(cancellationToken))
        .Select(p => new TimelineEntry(p.PurchasedAt, "members.purchase", "shopping-bag", t["Purchase {0}", p.ReceiptId])
        {
            Detail = Joined(p.StoreCode, p.Tender),
            Amount = new MoneyAmount(p.Amount, p.Currency),
        });

    private static string? Joined(params string?[] parts) =>
        string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } joined ? joined : null;
}
