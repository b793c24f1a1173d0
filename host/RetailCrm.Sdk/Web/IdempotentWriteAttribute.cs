namespace RetailCrm.Sdk.Web;

/// <summary>
/// Makes an API write safe to retry, as the IETF draft "The Idempotency-Key HTTP Header Field" defines:
/// the request must carry <c>Idempotency-Key</c> (1–255 characters, bare or as a quoted string), else 400.
/// The first request with a key runs and its response (status, content type, location, body) is kept for at
/// least 24 hours; a retry with the same key, method, path and body gets that response again and runs
/// nothing; the same key with another request is refused with 422; a retry while the first is still running
/// gets 409. Keys are scoped to the tenant and the caller (the user, API key or terminal name). A 5xx answer
/// or an exception is not kept: the key is released so that a retry runs again. The kernel implements it;
/// put it on POST, PUT and PATCH actions (safe methods pass through).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IdempotentWriteAttribute : Attribute
{
    /// <summary>The request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 255;
}
