using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>
/// Authenticates a till's signed request, as an authentication scheme chosen for every request with
/// <c>X-Terminal-Id</c>: <c>X-Timestamp</c> (unix seconds, at most 5 minutes off), <c>X-Nonce</c> (once per
/// terminal) and <c>X-Signature</c> = base64(HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n NONCE \n
/// hex(SHA-256(body)))), the key being the UTF-8 bytes of the secret shown at registration. The principal carries
/// the terminal's tenant, so the tenant, the module gate and every check of the request are the terminal's,
/// whatever host name the till calls. Refusals are 401 problem details.
/// </summary>
internal sealed class TerminalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TerminalService terminals,
    ICurrentTenant tenant,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Terminal";
    public const string Header = "X-Terminal-Id";

    /// <summary>The claim with the code of the terminal's store.</summary>
    public const string StoreClaim = "cards.store";

    /// <summary>The claim with the terminal's id.</summary>
    public const string TerminalClaim = "cards.terminal";

    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(10);

    private const string RefusalItem = "RetailCrm.Cards.TerminalRefusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        if (!headers.TryGetValue(Header, out var id))
        {
            return AuthenticateResult.NoResult();
        }

        var timestamp = headers["X-Timestamp"].ToString();
        var nonce = headers["X-Nonce"].ToString();
        var signature = headers["X-Signature"].ToString();
        if (!Guid.TryParse(id.ToString(), out var terminalId) || timestamp.Length == 0 || nonce.Length is 0 or > 100 || signature.Length == 0)
        {
            return Refuse("signature-missing", "The request needs X-Terminal-Id, X-Timestamp, X-Nonce (1-100 characters) and X-Signature.");
        }

        if (await terminals.FindActiveAsync(terminalId, Context.RequestAborted) is not var (terminal, secret))
        {
            return Refuse("terminal-unknown", "No active terminal has this id.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > Skew.TotalSeconds)
        {
            return Refuse("timestamp-out-of-range", "X-Timestamp is more than 5 minutes off the server's clock.");
        }

        if (!CryptographicOperations.FixedTimeEquals(await ExpectedSignatureAsync(secret, timestamp, nonce), Decode(signature)))
        {
            return Refuse("signature-invalid", "X-Signature does not match the request.");
        }

        using (tenant.Change(terminal.TenantId))
        {
            if (!await terminals.ClaimNonceAsync(terminal.Id, nonce, Context.RequestAborted))
            {
                return Refuse("nonce-reused", "This X-Nonce was used before by this terminal.");
            }
        }

        Claim[] claims =
        [
            new(CrmClaimTypes.UserName, "terminal:" + terminal.Id.ToString("N")),
            new(CrmClaimTypes.TenantId, terminal.TenantId.ToString()),
            new(TerminalClaim, terminal.Id.ToString()),
            new(StoreClaim, terminal.StoreCode),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, CrmClaimTypes.UserName, "role"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = Context.Items[RefusalItem] as Refusal ?? Refusal("signature-missing", "The request needs X-Terminal-Id, X-Timestamp, X-Nonce (1-100 characters) and X-Signature.");
        return Context.RequestServices.GetRequiredService<IRefusalWriter>().WriteAsync(Context, refusal);
    }

    private AuthenticateResult Refuse(string code, string detail)
    {
        var refusal = Refusal(code, detail);
        Context.Items[RefusalItem] = refusal;
        return AuthenticateResult.Fail(detail);
    }

    private static Refusal Refusal(string code, string detail) =>
        Sdk.Results.Refusal.Unauthenticated("cards/" + code, detail).Titled("The terminal's signature was refused");

    private async Task<byte[]> ExpectedSignatureAsync(byte[] secret, string timestamp, string nonce)
    {
        Request.EnableBuffering();
        var bodyHash = await SHA256.HashDataAsync(Request.Body, Context.RequestAborted);
        Request.Body.Position = 0;
        var canonical = $"{Request.Method.ToUpperInvariant()}\n{Request.PathBase}{Request.Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(bodyHash)}";
        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));
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
