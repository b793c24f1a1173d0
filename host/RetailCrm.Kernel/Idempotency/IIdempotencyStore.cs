using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Idempotency;

/// <summary>Who may reuse an <c>Idempotency-Key</c>: one key of one caller in one tenant.</summary>
/// <param name="TenantId">The tenant the request works for.</param>
/// <param name="Caller">The API key, terminal or user name behind the request.</param>
/// <param name="Key">The value of the <c>Idempotency-Key</c> header, 1–255 characters.</param>
internal sealed record IdempotencyKey(Guid TenantId, string Caller, string Key);

/// <summary>A response kept for an idempotency key, replayed for a retry of the same request.</summary>
internal sealed record IdempotentResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>What the store answered when a request asked for its idempotency key.</summary>
internal enum IdempotencyClaimOutcome
{
    /// <summary>The key is new (or expired): the request runs and its response is completed on the key.</summary>
    Claimed,

    /// <summary>The same request ran before; <see cref="IdempotencyClaim.Response"/> is its response.</summary>
    Completed,

    /// <summary>The same request is still running (409).</summary>
    InFlight,

    /// <summary>The key was used for a different request (422).</summary>
    Mismatch,
}

/// <summary>The answer of <see cref="IIdempotencyStore.TryClaimAsync"/>.</summary>
internal sealed record IdempotencyClaim(IdempotencyClaimOutcome Outcome, IdempotentResponse? Response = null);

/// <summary>
/// Keeps idempotency keys and the responses stored for them, in the database, shared by every host
/// instance. Used by the filters behind <see cref="IdempotentWriteAttribute"/> and <see cref="PostOnceAttribute"/>.
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a request whose fingerprint is <paramref name="requestHash"/>, or tells
    /// why it cannot run: replay, in flight, or used for another request. Claiming is atomic
    /// across host instances: of concurrent claims of one key exactly one wins.
    /// </summary>
    Task<IdempotencyClaim> TryClaimAsync(IdempotencyKey key, string requestHash, CancellationToken cancellationToken = default);

    /// <summary>Stores the response of a claimed key; it is replayed for the retention period (at least 24 hours).</summary>
    Task CompleteAsync(IdempotencyKey key, IdempotentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a claimed key whose request failed (5xx or exception), so that a retry runs again.</summary>
    Task ReleaseAsync(IdempotencyKey key, CancellationToken cancellationToken = default);
}
