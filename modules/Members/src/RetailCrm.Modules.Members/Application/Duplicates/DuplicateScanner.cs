using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Duplicates;

/// <summary>What a scan did: customers looked at, pairs found, and rows added, rescored or dropped.</summary>
internal sealed record DuplicateScanResult(int Customers, int Pairs, int Added, int Updated, int Removed);

/// <summary>
/// Goes over the tenant's active customers and keeps <see cref="DuplicateCandidate"/> current.
/// Idempotent: a pair is one row however often it is found; dismissed and merged pairs are left
/// as they are; open pairs that no longer match (a customer was corrected, merged or deleted) go away.
/// </summary>
internal sealed class DuplicateScanner(MembersDbContext db)
{
    public async Task<DuplicateScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ScanOnceAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another scan of this tenant (the job and an on-demand scan) stored the same new pair first; scan again over its result.
            db.ChangeTracker.Clear();
            return await ScanOnceAsync(cancellationToken);
        }
    }

    private async Task<DuplicateScanResult> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var records = await LoadAsync(cancellationToken);
        var found = DuplicateMatching.FindPairs(records);
        var existing = (await db.Set<DuplicateCandidate>().ToListAsync(cancellationToken))
            .ToDictionary(c => DuplicateMatching.Ordered(c.FirstId, c.SecondId));
        int added = 0, updated = 0, removed = 0;
        var now = DateTime.UtcNow;
        foreach (var pair in found)
        {
            var reasons = Truncate(pair.ReasonText, 500);
            if (!existing.Remove((pair.FirstId, pair.SecondId), out var candidate))
            {
                db.Set<DuplicateCandidate>().Add(new DuplicateCandidate
                {
                    Id = Guid.NewGuid(),
                    FirstId = pair.FirstId,
                    SecondId = pair.SecondId,
                    Score = pair.Score,
                    Reasons = reasons,
                    Status = DuplicateStatus.Open,
                    FoundAt = now,
                });
                added++;
            }
            else if (candidate.Status == DuplicateStatus.Open && (candidate.Score != pair.Score || candidate.Reasons != reasons))
            {
                candidate.Score = pair.Score;
                candidate.Reasons = reasons;
                updated++;
            }
        }

        // What is left was not found again: an open pair that no longer matches is no longer a candidate.
        foreach (var stale in existing.Values.Where(c => c.Status == DuplicateStatus.Open))
        {
            db.Set<DuplicateCandidate>().Remove(stale);
            removed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DuplicateScanResult(records.Count, found.Count, added, updated, removed);
    }

    private async Task<IReadOnlyList<ScanRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var customers = await db.Set<Customer>().AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Active)
            .Select(c => new { c.Id, c.NameKey, c.Birthday, c.IdentityNumber, c.Phone, c.Email })
            .ToListAsync(cancellationToken);
        var active = customers.Select(c => c.Id).ToHashSet();
        var points = (await db.Set<CustomerContactPoint>().AsNoTracking().Select(p => new { p.CustomerId, p.Kind, p.Value }).ToListAsync(cancellationToken))
            .Where(p => active.Contains(p.CustomerId))
            .ToLookup(p => p.CustomerId);
        var addresses = (await db.Set<CustomerAddress>().AsNoTracking().Select(a => new { a.CustomerId, a.Street, a.Postcode }).ToListAsync(cancellationToken))
            .Where(a => active.Contains(a.CustomerId) && a.Street.Length > 0)
            .ToLookup(a => a.CustomerId, a => DuplicateFinder.AddressKey(a.Street, a.Postcode));
        return customers.Select(c => new ScanRecord(
                c.Id,
                c.NameKey,
                c.Birthday,
                c.IdentityNumber,
                new[] { c.Phone }.Concat(points[c.Id].Where(p => p.Kind != ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Where(p => p.Length > 0).ToHashSet(),
                new[] { c.Email }.Concat(points[c.Id].Where(p => p.Kind == ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Where(e => e.Length > 0).ToHashSet(),
                addresses[c.Id].ToHashSet()))
            .ToList();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
