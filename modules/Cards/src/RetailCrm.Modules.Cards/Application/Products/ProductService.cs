using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Products;

/// <summary>Card products (卡规划设计): create, read, change (with the version read) and delete while no card exists.</summary>
internal sealed class ProductService(CardsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ProductView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Products.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken)).Select(ProductView.From).ToList();

    public async Task<ProductView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } p ? ProductView.From(p) : null;

    public async Task<Outcome<ProductView>> CreateAsync(ProductInput input, CancellationToken cancellationToken)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var code = input.Code!.Trim().ToUpperInvariant();
        if (await db.Products.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Refused.Field("code", "A product with code {0} exists.", code);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var product = new CardProduct { Id = Guid.NewGuid(), Code = code, CreatedAt = now, NextSerial = 1 };
        Apply(product, input, now);
        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refused.Field("code", "A product with code {0} exists.", code);
        }

        return ProductView.From(product);
    }

    public async Task<Outcome<ProductView>> UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return new Refused(Refusal.NotFound, "No such card product.");
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (input.Version is not { } version)
        {
            return Refused.Field("version", "Send the version you read.");
        }

        if (version != product.Version)
        {
            return Refused.Because(Refusal.Conflict, "The product was changed meanwhile (current version {0}); read it again.", product.Version);
        }

        var renumbered = product.NumberPrefix != input.NumberPrefix || product.NumberLength != input.NumberLength;
        if (renumbered && await db.Cards.AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return Refused.Field("numberPrefix", "The number format cannot change once cards of the product exist.");
        }

        if (!string.Equals(product.Currency, input.Currency, StringComparison.Ordinal) && await db.Cards.AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return Refused.Field("currency", "The currency cannot change once cards of the product exist.");
        }

        product.Code = input.Code!.Trim().ToUpperInvariant();
        Apply(product, input, time.GetUtcNow().UtcDateTime);
        product.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refused(Refusal.Conflict, "The product was changed meanwhile; read it again.");
        }
        catch (DbUpdateException)
        {
            return Refused.Field("code", "A product with code {0} exists.", product.Code);
        }

        return ProductView.From(product);
    }

    public async Task<Refused?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return new Refused(Refusal.NotFound, "No such card product.");
        }

        if (await db.Cards.AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return new Refused(Refusal.Conflict, "Cards of this product exist; set isActive=false instead of deleting it.");
        }

        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Rules across fields; single fields are checked by the attributes of <see cref="ProductInput"/>.</summary>
    private static Refused? Validate(ProductInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.NumberPrefix is { } prefix && input.NumberLength is { } length && length - prefix.Length < 2)
        {
            errors["numberLength"] = ["The number needs at least one serial digit and the check digit after the prefix."];
        }

        var min = input.MinTopUp ?? 1;
        if (input.MaxTopUp is { } maxTopUp && min > maxTopUp)
        {
            errors["minTopUp"] = ["The minimum top-up is above the maximum top-up."];
        }

        if (input.MaxTopUp is { } max && input.MaxBalance is { } maxBalance && max > maxBalance)
        {
            errors["maxTopUp"] = ["The maximum top-up is above the maximum balance."];
        }

        return errors.Count == 0 ? null : new Refused(Refusal.Invalid, "See errors for each field.", errors);
    }

    private static void Apply(CardProduct product, ProductInput input, DateTime now)
    {
        product.Name = input.Name!.Trim();
        product.Kind = input.Kind!.Value;
        product.Currency = input.Currency!;
        product.NumberPrefix = input.NumberPrefix!;
        product.NumberLength = input.NumberLength!.Value;
        product.FaceDesign = string.IsNullOrWhiteSpace(input.FaceDesign) ? null : input.FaceDesign.Trim();
        product.ValidityMonths = input.ValidityMonths;
        product.Fee = input.Fee;
        product.Deposit = input.Deposit;
        product.ExchangeFee = input.ExchangeFee;
        product.DiscountPercent = input.DiscountPercent;
        product.PointsPerUnit = input.PointsPerUnit;
        product.PointsUnitAmount = input.PointsUnitAmount ?? 100;
        product.PointsRounding = input.PointsRounding;
        product.MinTopUp = input.MinTopUp ?? 1;
        product.MaxTopUp = input.MaxTopUp!.Value;
        product.MaxBalance = input.MaxBalance!.Value;
        product.PinRequired = input.PinRequired;
        product.PinMaxAttempts = input.PinMaxAttempts ?? 3;
        product.IsActive = input.IsActive ?? true;
        product.UpdatedAt = now;
    }
}
