using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>The tenant's ticket types; a tenant that has none yet gets the defaults on first use.</summary>
internal sealed class TicketTypeCatalog(ServiceDbContext db)
{
    public async Task<IReadOnlyList<TicketType>> ListAsync(CancellationToken cancellationToken)
    {
        var types = await db.Set<TicketType>().AsNoTracking().OrderBy(t => t.Order).ThenBy(t => t.Key).ToListAsync(cancellationToken);
        if (types.Count > 0)
        {
            return types;
        }

        await EnsureDefaultsAsync(cancellationToken);
        return await db.Set<TicketType>().AsNoTracking().OrderBy(t => t.Order).ThenBy(t => t.Key).ToListAsync(cancellationToken);
    }

    public async Task<TicketType?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private async Task EnsureDefaultsAsync(CancellationToken cancellationToken)
    {
        await using var scope = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<TicketType>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.Set<TicketType>().AddRange(TicketTypeKeys.Defaults());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another request added them at the same time
        }
    }
}
