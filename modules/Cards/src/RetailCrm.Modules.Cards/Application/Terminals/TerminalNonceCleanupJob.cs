using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Cards.Application.Terminals;

/// <summary>
/// Forgets the nonces of the tenant's terminals once they are older than the window in which a signed request is
/// accepted (<see cref="Window"/>): a replay that old is refused by its timestamp anyway. A claim already forgets the
/// claiming terminal's old nonces; this covers terminals that have gone quiet.
/// </summary>
internal sealed class TerminalNonceCleanupJob : ICrmJob
{
    /// <summary>The same as the till signature's nonce lifetime (twice the allowed clock skew).</summary>
    public static readonly TimeSpan Window = Web.TerminalAuthenticationHandler.NonceLifetime;

    public string Name => "cards.terminal-nonces";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<CardsDbContext>();
        var cutoff = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - Window;

        // Nonces carry no tenant; the terminals query (tenant-filtered) limits the delete to this tenant's tills.
        var terminals = db.Set<Terminal>().Select(t => t.Id);
        return db.Set<TerminalNonce>().Where(n => n.UsedAt < cutoff && terminals.Contains(n.TerminalId)).ExecuteDeleteAsync(cancellationToken);
    }
}
