using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>Reads purchases of the customers the current user may see (data scope).</summary>
internal sealed class PurchaseQueries(MembersDbContext db, CustomerService customers)
{
    /// <summary>A customer's purchases, newest first; null when the customer is not visible.</summary>
    public async Task<PagedResult<PurchaseView>?> ForCustomerAsync(Guid customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var customer = await (await customers.VisibleAsync(cancellationToken)).Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Code }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var purchases = db.Set<Purchase>().AsNoTracking().Where(p => p.CustomerId == customerId);
        var total = await purchases.CountAsync(cancellationToken);
        var items = await purchases.OrderByDescending(p => p.PurchasedAt).ThenByDescending(p => p.RecordedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(p => p.Lines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PagedResult<PurchaseView>(items.Select(p => PurchaseView.From(p, customer.Code)).ToList(), page, pageSize, total);
    }

    /// <summary>One purchase, when its customer is visible.</summary>
    public async Task<PurchaseView?> GetAsync(Guid purchaseId, CancellationToken cancellationToken)
    {
        var purchase = await db.Set<Purchase>().AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == purchaseId, cancellationToken);
        if (purchase is null)
        {
            return null;
        }

        var code = await (await customers.VisibleAsync(cancellationToken)).Where(c => c.Id == purchase.CustomerId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        return code is null ? null : PurchaseView.From(purchase, code);
    }
}
