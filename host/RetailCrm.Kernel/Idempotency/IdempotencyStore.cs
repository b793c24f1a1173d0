using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Idempotency;

/// <summary>
/// Idempotency keys in <c>crm_idempotency_keys</c>. A claim is the insert of an in-flight row: the
/// primary key (tenant, caller, key) lets exactly one of concurrent claims win, on every host
/// instance and on SQLite and PostgreSQL alike; the losers read the winner's row and answer by it.
/// </summary>
internal sealed class IdempotencyStore(KernelDbContext db) : IIdempotencyStore
{
    /// <summary>How long a completed response is replayed (the Till API promises at least 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim holds without an answer. A request that never finishes (the host died under
    /// it) would otherwise lock its key for a day; after this the key runs again.
    /// </summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromMinutes(5);

    public async Task<IdempotencyClaim> TryClaimAsync(IdempotencyKey key, string requestHash, CancellationToken cancellationToken = default)
    {
        // Two rounds: a lost race whose winner has meanwhile released the key may claim it again once.
        for (var round = 0; round < 2; round++)
        {
            var now = DateTime.UtcNow;
            var existing = await Of(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return Answer(existing, requestHash);
            }

            if (existing is not null)
            {
                await Of(key).Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            }

            var row = new IdempotencyRecord
            {
                TenantId = key.TenantId,
                Caller = key.Caller,
                Key = key.Key,
                RequestHash = requestHash,
                Status = IdempotencyStatus.InFlight,
                CreatedAt = now,
                ExpiresAt = now + InFlightLimit,
            };
            db.IdempotencyRecords.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim(IdempotencyClaimOutcome.Claimed);
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached; // another request claimed the key first
            }

            if (await Of(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } winner)
            {
                return Answer(winner, requestHash);
            }
        }

        return new IdempotencyClaim(IdempotencyClaimOutcome.InFlight);
    }

    public async Task CompleteAsync(IdempotencyKey key, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        var expiresAt = DateTime.UtcNow + Retention;
        await Of(key)
            .Where(r => r.Status == IdempotencyStatus.InFlight)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, IdempotencyStatus.Completed)
                .SetProperty(r => r.ResponseStatus, response.StatusCode)
                .SetProperty(r => r.ResponseContentType, response.ContentType)
                .SetProperty(r => r.ResponseLocation, response.Location)
                .SetProperty(r => r.ResponseBody, response.Body)
                .SetProperty(r => r.ExpiresAt, expiresAt), cancellationToken);
    }

    public Task ReleaseAsync(IdempotencyKey key, CancellationToken cancellationToken = default) =>
        Of(key).Where(r => r.Status == IdempotencyStatus.InFlight).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<IdempotencyRecord> Of(IdempotencyKey key) =>
        db.IdempotencyRecords.Where(r => r.TenantId == key.TenantId && r.Caller == key.Caller && r.Key == key.Key);

    private static IdempotencyClaim Answer(IdempotencyRecord row, string requestHash) =>
        row.RequestHash != requestHash ? new IdempotencyClaim(IdempotencyClaimOutcome.Mismatch)
        : row.Status == IdempotencyStatus.InFlight ? new IdempotencyClaim(IdempotencyClaimOutcome.InFlight)
        : new IdempotencyClaim(IdempotencyClaimOutcome.Completed,
            new IdempotentResponse(row.ResponseStatus ?? 200, row.ResponseContentType, row.ResponseLocation, row.ResponseBody ?? []));
}
