using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>The customers' marketing consent as it is now, for a module about to send (an analysis greeting).</summary>
internal sealed class MarketingConsents(MembersDbContext db) : IMarketingConsents
{
    /// <summary>Ids asked in one statement, under the parameter limits of both databases.</summary>
    private const int Chunk = 1_000;

    public async Task<IReadOnlySet<Guid>> ConsentingAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default)
    {
        var consenting = new HashSet<Guid>();
        foreach (var chunk in customerIds.Distinct().Chunk(Chunk))
        {
            consenting.UnionWith(await db.Set<Customer>().AsNoTracking()
                .Where(c => chunk.Contains(c.Id) && c.Status == CustomerStatus.Active && c.MarketingConsent)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken));
        }

        return consenting;
    }
}
