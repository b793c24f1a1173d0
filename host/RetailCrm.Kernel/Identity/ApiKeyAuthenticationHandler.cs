using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Identity;

/// <summary>
/// Authenticates integrations by <c>X-Api-Key: rck_{prefix}_{secret}</c>. Each key is bound to one
/// tenant and a list of permissions; only a SHA-256 hash of it is stored.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KernelDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var parts = presented.Split('_');
        if (parts.Length != 3 || parts[0] != "rck")
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == parts[1], Context.RequestAborted);
        if (key is null || key.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(key.KeyHash), Hash(presented)))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(CrmClaims.UserName, "apikey:" + key.Name),
            new(CrmClaims.TenantId, key.TenantId.ToString()),
        };
        claims.AddRange(key.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(CrmClaims.Permission, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CrmClaims.ApiKeyScheme, CrmClaims.UserName, "role"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, CrmClaims.ApiKeyScheme));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Makes a new key; the returned text is shown once and never stored.</summary>
    public static (string Key, string Prefix, string Hash) NewKey()
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var key = $"rck_{prefix}_{secret}";
        return (key, prefix, Convert.ToHexString(Hash(key)));
    }
}
