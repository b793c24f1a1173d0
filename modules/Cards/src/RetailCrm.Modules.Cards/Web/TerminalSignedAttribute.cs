using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>
/// Checks a till's signed request: <c>X-Terminal-Id</c>, <c>X-Timestamp</c> (unix seconds, at most 5 minutes
/// off), <c>X-Nonce</c> (once per terminal) and <c>X-Signature</c> = base64(HMAC-SHA256(secret, METHOD \n PATH \n
/// TIMESTAMP \n NONCE \n hex(SHA-256(body)))), the key being the UTF-8 bytes of the secret shown at registration.
/// Refusals are 401 problem details. The terminal fixes the tenant for the action and names the idempotency caller.
/// Runs before <see cref="IdempotentWriteAttribute"/> (lower order).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class TerminalSignedAttribute : Attribute, IAsyncResourceFilter, IOrderedFilter
{
    public const string TerminalItem = "RetailCrm.Cards.Terminal";

    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(10);

    public int Order => -10_000;

    public static Terminal Current(HttpContext http) => (Terminal)http.Items[TerminalItem]!;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var services = http.RequestServices;
        var headers = request.Headers;
        var id = headers["X-Terminal-Id"].ToString();
        var timestamp = headers["X-Timestamp"].ToString();
        var nonce = headers["X-Nonce"].ToString();
        var signature = headers["X-Signature"].ToString();
        if (!Guid.TryParse(id, out var terminalId) || timestamp.Length == 0 || nonce.Length is 0 or > 100 || signature.Length == 0)
        {
            context.Result = Unauthorized("signature-missing", "The request needs X-Terminal-Id, X-Timestamp, X-Nonce (1-100 characters) and X-Signature.");
            return;
        }

        var terminals = services.GetRequiredService<TerminalService>();
        if (await terminals.FindActiveAsync(terminalId, http.RequestAborted) is not var (terminal, secret))
        {
            context.Result = Unauthorized("terminal-unknown", "No active terminal has this id.");
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Skew.TotalSeconds)
        {
            context.Result = Unauthorized("timestamp-out-of-range", "X-Timestamp is more than 5 minutes off the server's clock.");
            return;
        }

        request.EnableBuffering();
        byte[] bodyHash;
        using (var sha = SHA256.Create())
        {
            bodyHash = await sha.ComputeHashAsync(request.Body, http.RequestAborted);
        }

        request.Body.Position = 0;
        var canonical = $"{request.Method.ToUpperInvariant()}\n{request.PathBase}{request.Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(bodyHash)}";
        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            given = [];
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            context.Result = Unauthorized("signature-invalid", "X-Signature does not match the request.");
            return;
        }

        var tenant = services.GetRequiredService<ICurrentTenant>();
        using (tenant.Change(terminal.TenantId))
        {
            if (!await terminals.ClaimNonceAsync(terminal.Id, nonce, http.RequestAborted))
            {
                context.Result = Unauthorized("nonce-reused", "This X-Nonce was used before by this terminal.");
                return;
            }

            http.Items[TerminalItem] = terminal;
            http.Items[IdempotentWriteAttribute.CallerItem] = "terminal:" + terminal.Id.ToString("N");
            await next();
        }
    }

    private static ObjectResult Unauthorized(string type, string detail) =>
        ProblemResults.Result(401, "cards/" + type, "The terminal's signature was refused", detail);
}
