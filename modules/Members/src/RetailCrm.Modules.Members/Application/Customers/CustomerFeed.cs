using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>
/// The tenant's customers and purchases in id order for a module that keeps its own copy. Keyset pages: the next page
/// starts after the last id of the one before, so rows added meanwhile are neither skipped nor read twice. The database
/// compares and orders the ids (text on SQLite, uuid on PostgreSQL), so the order differs from <see cref="Guid.CompareTo(Guid)"/>
/// in .NET but is the same for the comparison and the sort.
/// </summary>
internal sealed class CustomerFeed(MembersDbContext db) : ICustomerFeed
{
    /// <summary>The most rows one page answers, whatever the caller asks for.</summary>
    public const int MaxPageSize = 10_000;

    public async Task<IReadOnlyList<CustomerRecord>> ReadCustomersAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await db.Set<Customer>().AsNoTracking()
            .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
            .OrderBy(c => c.Id)
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(c => new CustomerRecord(c.Id, c.Code, c.Kind, c.DisplayName, c.Phone, c.Email, c.Tier, c.LifecycleClass, c.OwnerUserId, c.UnitId,
                c.MarketingConsent, c.Birthday, c.Status == CustomerStatus.Active, c.MergedIntoId, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PurchaseRecord>> ReadPurchasesAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await db.Set<Purchase>().AsNoTracking()
            .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
            .OrderBy(p => p.Id)
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(p => new PurchaseRecord(p.Id, p.CustomerId, p.ReceiptId, p.StoreCode, p.PurchasedAt, p.Amount, p.Currency, p.Tender))
            .ToListAsync(cancellationToken);
}
