using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Products;

/// <summary>Card products (卡规划设计): create, read, change (with the version read) and delete while no card exists.</summary>
internal sealed class ProductService(CardsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ProductView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<CardProduct>().AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken)).Select(ProductView.From).ToList();

    public async Task<ProductView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<CardProduct>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } p ? ProductView.From(p) : null;

    public async Task<Result<ProductView>> CreateAsync(ProductInput input, CancellationToken cancellationToken)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var code = input.Code!.Trim().ToUpperInvariant();
        if (await db.Set<CardProduct>().AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Refuse.Invalid("code", "A product with code {0} exists.", code);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var product = new CardProduct { Id = Guid.NewGuid(), Code = code, CreatedAt = now, NextSerial = 1 };
        Apply(product, input, now);
        db.Set<CardProduct>().Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refuse.Invalid("code", "A product with code {0} exists.", code);
        }

        return ProductView.From(product);
    }

    public async Task<Result<ProductView>> UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken)
    {
        var product = await db.Set<CardProduct>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Refuse.NotFound("No such card product.");
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (input.Version is not { } version)
        {
            return Refuse.Invalid("version", "Send the version you read.");
        }

        if (version != product.Version)
        {
            return Refuse.Conflict("The product was changed meanwhile (current version {0}); read it again.", product.Version);
        }

        var renumbered = product.NumberPrefix != input.NumberPrefix || product.NumberLength != input.NumberLength;
        if (renumbered && await db.Set<Card>().AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return Refuse.Invalid("numberPrefix", "The number format cannot change once cards of the product exist.");
        }

        if (!string.Equals(product.Currency, input.Currency, StringComparison.Ordinal) && await db.Set<Card>().AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return Refuse.Invalid("currency", "The currency cannot change once cards of the product exist.");
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
            return Refuse.Conflict("The product was changed meanwhile; read it again.");
        }
        catch (DbUpdateException)
        {
            return Refuse.Invalid("code", "A product with code {0} exists.", product.Code);
        }

        return ProductView.From(product);
    }

    public async Task<Refusal?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Set<CardProduct>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Refuse.NotFound("No such card product.");
        }

        if (await db.Set<Card>().AnyAsync(c => c.ProductId == id, cancellationToken))
        {
            return Refuse.Conflict("Cards of this product exist; set isActive=false instead of deleting it.");
        }

        db.Set<CardProduct>().Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Rules across fields; single fields are checked by the attributes of <see cref="ProductInput"/>.</summary>
    private static Refusal? Validate(ProductInput input)
    {
        var errors = new List<FieldRefusal>();
        if (input.NumberPrefix is { } prefix && input.NumberLength is { } length && length - prefix.Length < 2)
        {
            errors.Add(new FieldRefusal("numberLength", LocalizableText.Of("The number needs at least one serial digit and the check digit after the prefix.")));
        }

        var min = input.MinTopUp ?? 1;
        if (input.MaxTopUp is { } maxTopUp && min > maxTopUp)
        {
            errors.Add(new FieldRefusal("minTopUp", LocalizableText.Of("The minimum top-up is above the maximum top-up.")));
        }

        if (input.MaxTopUp is { } max && input.MaxBalance is { } maxBalance && max > maxBalance)
        {
            errors.Add(new FieldRefusal("maxTopUp", LocalizableText.Of("The maximum top-up is above the maximum balance.")));
        }

        return errors.Count == 0 ? null : Refuse.Invalid(errors);
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
