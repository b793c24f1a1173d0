using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Merging;

/// <summary>
/// One merge as history shows it: who went into which survivor, by whom and when, whose value each
/// field kept, and the merged records as they were before.
/// </summary>
internal sealed record MergeHistoryItem(
    Guid Id,
    Guid SurvivorId,
    string? SurvivorCode,
    IReadOnlyList<Guid> MergedIds,
    string MergedBy,
    DateTime MergedAt,
    IReadOnlyDictionary<string, Guid> FieldChoices,
    IReadOnlyList<CustomerDetails> Snapshot);

/// <summary>The merge history of a customer, both as survivor and as a merged record.</summary>
internal sealed class MergeQueries(MembersDbContext db, CustomerService customers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Null when the customer does not exist or is outside the user's data scope.</summary>
    public async Task<IReadOnlyList<MergeHistoryItem>?> HistoryAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await (await customers.VisibleAsync(cancellationToken)).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var text = customerId.ToString();
        var records = await db.Set<MergeRecord>().AsNoTracking()
            .Where(r => r.SurvivorId == customerId || r.MergedIds.Contains(text))
            .OrderByDescending(r => r.MergedAt)
            .ToListAsync(cancellationToken);
        var survivorIds = records.Select(r => r.SurvivorId).Distinct().ToList();
        var codes = await db.Set<Customer>().AsNoTracking().Where(c => survivorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        return records.Select(r => new MergeHistoryItem(
                r.Id,
                r.SurvivorId,
                codes.GetValueOrDefault(r.SurvivorId),
                r.MergedIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                r.MergedBy,
                r.MergedAt,
                JsonSerializer.Deserialize<Dictionary<string, Guid>>(r.FieldChoices, Json) ?? [],
                JsonSerializer.Deserialize<List<CustomerDetails>>(r.Snapshot, Json) ?? []))
            .ToList();
    }
}
