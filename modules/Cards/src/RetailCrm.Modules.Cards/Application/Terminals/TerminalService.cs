using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Terminals;

internal sealed record TerminalInput([Required][StringLength(50, MinimumLength = 1)] string? StoreCode, [Required][StringLength(200, MinimumLength = 1)] string? Name);

internal sealed record TerminalView(Guid Id, string StoreCode, string Name, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static TerminalView From(Terminal t) => new(t.Id, t.StoreCode, t.Name, t.CreatedAt, t.RevokedAt);
}

/// <summary>The new terminal with its secret, shown this once.</summary>
internal sealed record RegisteredTerminalView(Guid Id, string StoreCode, string Name, DateTime CreatedAt, string Secret);

/// <summary>Registers, lists and revokes till terminals; the secret is kept encrypted, never in clear and never hashed (the HMAC check needs it).</summary>
internal sealed class TerminalService(CardsDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    public const string Purpose = "cards.terminals";

    public async Task<RegisteredTerminalView> RegisterAsync(TerminalInput input, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var terminal = new Terminal
        {
            Id = Guid.NewGuid(),
            StoreCode = input.StoreCode!.Trim(),
            Name = input.Name!.Trim(),
            ProtectedSecret = protection.CreateProtector(Purpose).Protect(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<Terminal>().Add(terminal);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredTerminalView(terminal.Id, terminal.StoreCode, terminal.Name, terminal.CreatedAt, secret);
    }

    public async Task<IReadOnlyList<TerminalView>> ListAsync(CancellationToken cancellationToken)
    {
        var terminals = await db.Set<Terminal>().AsNoTracking().ToListAsync(cancellationToken);
        return terminals.OrderBy(t => t.StoreCode).ThenBy(t => t.Name).Select(TerminalView.From).ToList();
    }

    /// <summary>Revokes the terminal; false when there is none.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var terminal = await db.Set<Terminal>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (terminal is null)
        {
            return false;
        }

        terminal.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The terminal of any tenant (the signed request names no tenant) with its secret in clear, or null when unknown or revoked.</summary>
    public async Task<(Terminal Terminal, byte[] Secret)?> FindActiveAsync(Guid id, CancellationToken cancellationToken)
    {
        var terminal = await db.Set<Terminal>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (terminal is null || terminal.RevokedAt is not null)
        {
            return null;
        }

        var secret = protection.CreateProtector(Purpose).Unprotect(terminal.ProtectedSecret);
        return (terminal, System.Text.Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>
    /// Claims the nonce for the terminal (insert = claim); false when it was used before. Nonces older than the
    /// timestamp window are forgotten by <see cref="TerminalNonceCleanupJob"/>, not on the till's hot path.
    /// </summary>
    public async Task<bool> ClaimNonceAsync(Guid terminalId, string nonce, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = new TerminalNonce { TerminalId = terminalId, Nonce = nonce, UsedAt = now };
        db.Set<TerminalNonce>().Add(row);
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
