using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>
/// Lets the action run only for a request signed as the cards module's tills sign theirs: <c>X-Timestamp</c> (unix
/// seconds, at most 5 minutes off), <c>X-Nonce</c> (once per tenant and source) and <c>X-Signature</c> =
/// base64(HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body)))), the key being the UTF-8
/// bytes of the tenant's secret for the source. The tenant is the host name's. Refusals are 401 problem details.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SignedWebhookAttribute(WebhookSource source) : Attribute, IFilterFactory
{
    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new SignedWebhookFilter(source);
}

internal sealed class SignedWebhookFilter(WebhookSource source) : IAsyncAuthorizationFilter
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(10);

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (await RefusalAsync(context.HttpContext) is { } refusal)
        {
            context.Result = new RefusalResult(refusal.Titled("The webhook's signature was refused"));
        }
    }

    private async Task<Refusal?> RefusalAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var headers = http.Request.Headers;
        var timestamp = headers["X-Timestamp"].ToString();
        var nonce = headers["X-Nonce"].ToString();
        var signature = headers["X-Signature"].ToString();
        if (timestamp.Length == 0 || nonce.Length is 0 or > 100 || signature.Length == 0)
        {
            return Refusal.Unauthenticated("service/signature-missing", "The request needs X-Timestamp, X-Nonce (1-100 characters) and X-Signature.");
        }

        var tenantId = services.GetRequiredService<ICurrentTenant>().Id;
        var secrets = services.GetRequiredService<WebhookSecrets>();
        if (tenantId is null || await secrets.KeyAsync(source, http.RequestAborted) is not { } key)
        {
            return Refusal.Unauthenticated("service/webhook-not-set-up", "This tenant has no secret for the webhook yet; an admin makes one on the channels page.");
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || Math.Abs(now - seconds) > Skew.TotalSeconds)
        {
            return Refusal.Unauthenticated("service/timestamp-out-of-range", "X-Timestamp is more than 5 minutes off the server's clock.");
        }

        if (!CryptographicOperations.FixedTimeEquals(await ExpectedAsync(http.Request, key, timestamp, nonce), Decode(signature)))
        {
            return Refusal.Unauthenticated("service/signature-invalid", "X-Signature does not match the request.");
        }

        if (!await secrets.ClaimNonceAsync(tenantId.Value, source, nonce, http.RequestAborted))
        {
            return Refusal.Unauthenticated("service/nonce-reused", "This X-Nonce was used before.");
        }

        return null;
    }

    private static async Task<byte[]> ExpectedAsync(HttpRequest request, byte[] key, string timestamp, string nonce)
    {
        request.EnableBuffering();
        var bodyHash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var canonical = $"{request.Method.ToUpperInvariant()}\n{request.PathBase}{request.Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(bodyHash)}";
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical));
    }

    private static byte[] Decode(string signature)
    {
        try
        {
            return Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
