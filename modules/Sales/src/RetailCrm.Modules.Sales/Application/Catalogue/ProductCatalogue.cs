using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Catalogue;

/// <summary>The tenant's catalogue of products and services that deals' lines are sold from.</summary>
internal sealed class ProductCatalogue(SalesDbContext db)
{
    public async Task<IReadOnlyList<Product>> ListAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await db.Set<Product>().AsNoTracking().Where(p => !activeOnly || p.IsActive).OrderBy(p => p.Category).ThenBy(p => p.Code).ToListAsync(cancellationToken);

    public async Task<Result<Product>> AddAsync(string? code, string? name, string? category, long? unitPrice, CancellationToken cancellationToken)
    {
        var created = Product.Create(code, name, category, unitPrice);
        if (created.IsRefused)
        {
            return created.Refusal;
        }

        if (await db.Set<Product>().AnyAsync(p => p.Code == created.Value.Code, cancellationToken))
        {
            return CodeTaken(created.Value.Code);
        }

        db.Set<Product>().Add(created.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CodeTaken(created.Value.Code);
        }

        return created.Value;
    }

    private static Refusal CodeTaken(string code) =>
        Refusal.Conflict("sales/product-code-taken", "The catalogue has a product {0} already.", code).At("code");
}
