using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// Makes a write safe to retry, as the IETF draft "The Idempotency-Key HTTP Header Field" defines:
/// the request must carry <c>Idempotency-Key</c> (1–255 characters, bare or as a quoted string),
/// else 400. The first request with a key runs and its response (status, content type, location,
/// body) is kept for at least 24 hours; a retry with the same key, method, path and body gets that
/// response again and runs nothing; the same key with another request is refused with 422; a retry
/// while the first is still running gets 409. Keys are scoped to the tenant and the caller (the
/// <see cref="CallerItem"/> set by the module's authentication, else the API key or user name).
/// A 5xx answer or an exception is not kept: the key is released so that a retry runs again.
/// Put it on POST, PUT and PATCH actions; safe methods pass through.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IdempotentWriteAttribute : Attribute, IAsyncResourceFilter
{
    /// <summary>The request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// <c>HttpContext.Items</c> entry naming the caller when it is not a signed-in user or API key
    /// (e.g. <c>terminal:{id}</c> set by a till's signature check), so keys of two callers never meet.
    /// </summary>
    public const string CallerItem = "RetailCrm.IdempotencyCaller";

    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 255;


    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        {
            await next();
            return;
        }

        if (ReadKey(http.Request) is not { } value)
        {
            context.Result = Problem(400, "idempotency-key-missing", "Idempotency-Key required",
                $"This write needs an {Header} header of 1 to {MaxKeyLength} characters, unique per intended operation.",
                new Dictionary<string, string[]> { [Header] = [$"Send one {Header} header of 1 to {MaxKeyLength} characters."] });
            return;
        }

        var services = http.RequestServices;
        if (services.GetRequiredService<ICurrentTenant>().Id is not { } tenantId)
        {
            context.Result = Problem(400, "tenant-required", "Tenant required", $"An {Header} belongs to a tenant, and this request has none.");
            return;
        }

        var caller = http.Items[CallerItem] as string ?? services.GetRequiredService<ICurrentUser>().UserName ?? "anonymous";
        var key = new IdempotencyKey(tenantId, caller, value);
        var store = services.GetRequiredService<IIdempotencyStore>();
        var claim = await store.TryClaimAsync(key, await FingerprintAsync(http.Request, http.RequestAborted), http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Completed:
                context.Result = new StoredResponseResult(claim.Response!);
                return;
            case IdempotencyClaimOutcome.InFlight:
                context.Result = Problem(409, "idempotency-key-in-flight", "Request in progress",
                    $"A request with this {Header} is still being processed; retry later.");
                return;
            case IdempotencyClaimOutcome.Mismatch:
                context.Result = Problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                    $"This {Header} was used for a different request; use a new key for a new operation.");
                return;
        }

        await RunAndKeepAsync(http, store, key, next);
    }

    /// <summary>Runs the action with the response buffered, keeps it on the key (or releases the key on failure), then sends it.</summary>
    private static async Task RunAndKeepAsync(HttpContext http, IIdempotencyStore store, IdempotencyKey key, ResourceExecutionDelegate next)
    {
        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        var kept = false;
        try
        {
            var executed = await next();
            await response.BodyWriter.FlushAsync(CancellationToken.None);
            if (executed.Exception is null || executed.ExceptionHandled)
            {
                if (response.StatusCode < 500)
                {
                    // Kept even if the client has gone: its retry must see this answer, not run again.
                    await store.CompleteAsync(key, new IdempotentResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray()), CancellationToken.None);
                    kept = true;
                }
            }
        }
        finally
        {
            if (!kept)
            {
                await store.ReleaseAsync(key, CancellationToken.None);
            }

            response.Body = original;
        }

        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
    }

    private static string? ReadKey(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return null;
        }

        // The draft defines the field as a structured-field string ("..."); bare tokens are accepted too.
        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return key.Length is > 0 and <= MaxKeyLength ? key : null;
    }

    /// <summary>SHA-256 over method, path, query and body: what makes a retry "the same request".</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static ObjectResult Problem(int status, string type, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        ProblemResults.Result(status, type, title, detail, errors);

    /// <summary>Sends a kept response again, byte for byte.</summary>
    private sealed class StoredResponseResult(IdempotentResponse stored) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = stored.StatusCode;
            if (stored.ContentType is not null)
            {
                response.ContentType = stored.ContentType;
            }

            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            response.ContentLength = stored.Body.Length;
            await response.Body.WriteAsync(stored.Body, context.HttpContext.RequestAborted);
        }
    }
}
