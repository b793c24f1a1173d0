using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Idempotency;

/// <summary>
/// What <see cref="IdempotentWriteAttribute"/> promises, for the actions that carry it: claim the key, replay a
/// kept answer, refuse a reused key or one in flight, keep the answer (below 500) or release the key.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, ICurrentTenant tenant, ICurrentUser user) : IAsyncResourceFilter
{
    private const string Header = IdempotentWriteAttribute.Header;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor.EndpointMetadata.OfType<IdempotentWriteAttribute>().FirstOrDefault() is null || IsSafe(http.Request.Method))
        {
            await next();
            return;
        }

        if (ReadKey(http.Request) is not { } value)
        {
            context.Result = new RefusalResult(Refusal.Invalid("idempotency-key-missing", Header,
                "This write needs an {0} header of 1 to {1} characters, unique per intended operation.", Header, IdempotentWriteAttribute.MaxKeyLength)
                .Titled("Idempotency-Key required"));
            return;
        }

        if (tenant.Id is not { } tenantId)
        {
            context.Result = new RefusalResult(Refusal.Invalid("tenant-required", "tenant", "An {0} belongs to a tenant, and this request has none.", Header).Titled("Tenant required"));
            return;
        }

        var key = new IdempotencyKey(tenantId, user.UserName ?? "anonymous", value);
        var claim = await store.TryClaimAsync(key, await FingerprintAsync(http.Request, http.RequestAborted), http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Completed:
                context.Result = new StoredResponseResult(claim.Response!);
                return;
            case IdempotencyClaimOutcome.InFlight:
                context.Result = new RefusalResult(Refusal.Conflict("idempotency-key-in-flight",
                    "A request with this {0} is still being processed; retry later.", Header).Titled("Request in progress"));
                return;
            case IdempotencyClaimOutcome.Mismatch:
                context.Result = new RefusalResult(Refusal.Unprocessable("idempotency-key-reused",
                    "This {0} was used for a different request; use a new key for a new operation.", Header).Titled("Idempotency-Key reused"));
                return;
        }

        await RunAndKeepAsync(http, key, next);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Runs the action with the response buffered, keeps it on the key (or releases the key on failure), then sends it.</summary>
    private async Task RunAndKeepAsync(HttpContext http, IdempotencyKey key, ResourceExecutionDelegate next)
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
            if ((executed.Exception is null || executed.ExceptionHandled) && response.StatusCode < 500)
            {
                // Kept even if the client has gone: its retry must see this answer, not run again.
                var location = response.Headers.Location.ToString() is { Length: > 0 } given ? given : null;
                await store.CompleteAsync(key, new IdempotentResponse(response.StatusCode, response.ContentType, location, buffer.ToArray()), CancellationToken.None);
                kept = true;
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
        return key.Length is > 0 and <= IdempotentWriteAttribute.MaxKeyLength ? key : null;
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
