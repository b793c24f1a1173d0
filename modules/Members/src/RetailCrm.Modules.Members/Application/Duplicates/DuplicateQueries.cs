using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Duplicates;

/// <summary>One side of a duplicate pair, enough to tell the two apart.</summary>
internal sealed record CustomerBrief(Guid Id, string Code, string DisplayName, string? Phone, string? Email, DateOnly? Birthday, CustomerStatus Status);

/// <summary>A likely duplicate pair as listed: highest score first.</summary>
internal sealed record DuplicatePair(Guid Id, int Score, IReadOnlyList<string> Reasons, DuplicateStatus Status, DateTime FoundAt, CustomerBrief First, CustomerBrief Second);

/// <summary>Lists the pairs the scan found (within the user's data scope) and dismisses the ones that are not duplicates.</summary>
internal sealed class DuplicateQueries(MembersDbContext db, CustomerService customers)
{
    public async Task<PagedResult<DuplicatePair>> ListAsync(int minScore, DuplicateStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var visible = await customers.VisibleAsync(cancellationToken);
        var pairs = db.Set<DuplicateCandidate>().AsNoTracking()
            .Where(d => d.Status == status && d.Score >= minScore)
            .Where(d => visible.Any(c => c.Id == d.FirstId) && visible.Any(c => c.Id == d.SecondId));
        var total = await pairs.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await pairs.OrderByDescending(d => d.Score).ThenByDescending(d => d.FoundAt).ThenBy(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.SelectMany(d => new[] { d.FirstId, d.SecondId }).Distinct().ToList();
        var briefs = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerBrief(c.Id, c.Code, c.DisplayName, c.Phone, c.Email, c.Birthday, c.Status))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = rows
            .Where(d => briefs.ContainsKey(d.FirstId) && briefs.ContainsKey(d.SecondId))
            .Select(d => new DuplicatePair(d.Id, d.Score, d.Reasons.Split("; ", StringSplitOptions.RemoveEmptyEntries), d.Status, d.FoundAt, briefs[d.FirstId], briefs[d.SecondId]))
            .ToList();
        return new PagedResult<DuplicatePair>(items, page, pageSize, total);
    }

    /// <summary>Marks a pair as not duplicates (later scans leave it dismissed); null when done, else why not.</summary>
    public async Task<Refusal?> DismissAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await customers.VisibleAsync(cancellationToken);
        var candidate = await db.Set<DuplicateCandidate>()
            .Where(d => visible.Any(c => c.Id == d.FirstId) && visible.Any(c => c.Id == d.SecondId))
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        switch (candidate?.Status)
        {
            case null:
                return MembersRefusals.DuplicatePairNotFound;
            case DuplicateStatus.Merged:
                return Refusal.Conflict("members/already-merged", "A merged pair cannot be dismissed.").Titled("The pair was merged");
            case DuplicateStatus.Open:
                candidate.Status = DuplicateStatus.Dismissed;
                await db.SaveChangesAsync(cancellationToken);
                break;
        }

        return null;
    }
}
