using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>The tenant's secrets with its PBX and SMS gateway (kept encrypted, shown once when made) and the nonces they used.</summary>
internal sealed class WebhookSecrets(ServiceDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    public const string Purpose = "service.webhooks";

    /// <summary>Makes a new secret for the source, replacing the old one at once; answers it in clear, this once.</summary>
    public async Task<string> RenewAsync(WebhookSource source, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var row = await db.Set<WebhookSecret>().FirstOrDefaultAsync(s => s.Source == source, cancellationToken);
        if (row is null)
        {
            row = new WebhookSecret { Id = Guid.NewGuid(), Source = source };
            db.Set<WebhookSecret>().Add(row);
        }

        row.ProtectedSecret = protection.CreateProtector(Purpose).Protect(secret);
        row.CreatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>When the source's secret was made, or null when it has none.</summary>
    public async Task<DateTime?> CreatedAtAsync(WebhookSource source, CancellationToken cancellationToken) =>
        await db.Set<WebhookSecret>().AsNoTracking().Where(s => s.Source == source).Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The UTF-8 bytes of the source's secret, or null when the tenant made none.</summary>
    public async Task<byte[]?> KeyAsync(WebhookSource source, CancellationToken cancellationToken)
    {
        var row = await db.Set<WebhookSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.Source == source, cancellationToken);
        return row is null ? null : Encoding.UTF8.GetBytes(protection.CreateProtector(Purpose).Unprotect(row.ProtectedSecret));
    }

    /// <summary>Claims the nonce (insert = claim); false when the source used it before.</summary>
    public async Task<bool> ClaimNonceAsync(Guid tenantId, WebhookSource source, string nonce, CancellationToken cancellationToken)
    {
        var row = new WebhookNonce { TenantId = tenantId, Source = source, Nonce = nonce, UsedAt = time.GetUtcNow().UtcDateTime };
        db.Set<WebhookNonce>().Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
