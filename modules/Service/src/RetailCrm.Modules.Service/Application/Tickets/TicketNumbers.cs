using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>
/// Gives out the tenant's next ticket number with one atomic update of its counter, in a short transaction of its
/// own: call it before anything else is tracked. A number whose ticket is then refused is skipped.
/// </summary>
internal sealed class TicketNumbers(ServiceDbContext db)
{
    public async Task<long> NextAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var updated = await db.Set<TicketCounter>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
            if (updated == 1)
            {
                var number = await db.Set<TicketCounter>().Select(c => c.Last).SingleAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return number;
            }

            db.Set<TicketCounter>().Add(new TicketCounter { Last = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return 1;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another request counted the tenant's first ticket; raise its counter instead
            }
        }
    }
}
