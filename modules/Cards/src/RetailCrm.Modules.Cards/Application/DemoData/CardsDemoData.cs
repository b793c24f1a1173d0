using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Application.DemoData;

/// <summary>
/// A card business to try at once: a stored-value product with PIN and a gift product without, cards of both
/// in HQ stock, a till terminal per store (the stores come from the kernel's demo data), and cards sold to two
/// demo members with a top-up and a payment. Runs after members (cards depends on it); every step looks before
/// it adds, so a second run adds nothing. Money moves through the same use cases as at the till.
/// </summary>
internal sealed class CardsDemoData(
    CardsDbContext db,
    ProductService products,
    ProductionService production,
    CardActivation activation,
    CardTopUps topUps,
    CardPayments payments,
    TerminalService terminals,
    ICustomerLookup customers,
    IOrganizationUnits units,
    ILogger<CardsDemoData> logger) : IDemoDataContributor
{
    public const string StoredValueCode = "DEMO-SV";
    public const string GiftCode = "DEMO-GIFT";
    public const string DemoPin = "2468";
    private const int StockPerProduct = 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var storedValue = await ProductAsync(new ProductInput(StoredValueCode, "储值卡 Stored value card", CardKind.StoredValue, "CNY", "6288", 16, "blue-2026", 36,
            1_000, 0, 5, 1, 100, PointsRounding.Down, 5_000, 500_000, 1_000_000, true, 3, true, null), cancellationToken);
        var gift = await ProductAsync(new ProductInput(GiftCode, "礼品卡 Gift card", CardKind.Gift, "CNY", "6299", 16, "red-gift", 12,
            0, 0, 0, 0, 100, PointsRounding.Down, 10_000, 100_000, 100_000, false, 3, true, null), cancellationToken);
        if (storedValue is null || gift is null)
        {
            return;
        }

        foreach (var product in new[] { storedValue, gift })
        {
            if (!await db.Set<Card>().AnyAsync(c => c.ProductId == product.Id, cancellationToken))
            {
                await production.NumberIntoStockAsync(product.Id, StockPerProduct, cancellationToken);
            }
        }

        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        var registered = (await terminals.ListAsync(cancellationToken)).Select(t => t.StoreCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var store in stores.Where(s => !registered.Contains(s.Code)))
        {
            // The secret is not kept or logged: a demo user registers a terminal of their own on the terminals page to sign requests.
            await terminals.RegisterAsync(new TerminalInput(store.Code, $"{store.Name} till 1"), cancellationToken);
        }

        var firstStore = stores.FirstOrDefault()?.Code;
        var secondStore = stores.Skip(1).FirstOrDefault()?.Code ?? firstStore;
        await SellAsync("13800138000", storedValue, 50_000, DemoPin, firstStore, pay: 8_850, paidAt: secondStore, cancellationToken);
        await SellAsync("13900139001", gift, 20_000, null, secondStore, pay: 3_500, paidAt: secondStore, cancellationToken);
    }

    private async Task<ProductView?> ProductAsync(ProductInput input, CancellationToken cancellationToken)
    {
        if (await db.Set<CardProduct>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == input.Code, cancellationToken) is { } existing)
        {
            return ProductView.From(existing);
        }

        var created = await products.CreateAsync(input, cancellationToken);
        if (created.IsRefused)
        {
            logger.LogWarning("Cards demo data: product {Code} not created: {Refusal}", input.Code, created.Refusal.Code);
            return null;
        }

        return created.Value;
    }

    /// <summary>Sells a stock card of the product to the demo member with this phone, tops it up and takes one payment; skipped when the member has a card of it already.</summary>
    private async Task SellAsync(string phone, ProductView product, long topUp, string? pin, string? soldAt, long pay, string? paidAt, CancellationToken cancellationToken)
    {
        var member = await customers.FindByPhoneAsync(phone, cancellationToken) is [var first, ..] ? first : null;
        if (member is null || await db.Set<Card>().AnyAsync(c => c.HolderCustomerId == member.Id && c.ProductId == product.Id, cancellationToken))
        {
            return;
        }

        var number = await db.Set<Card>().AsNoTracking().Where(c => c.ProductId == product.Id && c.Status == CardStatus.InStock)
            .OrderBy(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            return;
        }

        var sold = await activation.ActivateAsync(number, new ActivationInput(member.Code, topUp, pin, soldAt, "demo-sale-" + member.Code), cancellationToken);
        if (sold.Refusal is { } refused)
        {
            logger.LogWarning("Cards demo data: card not sold to {Member}: {Refusal}", member.Code, refused.Code);
            return;
        }

        await topUps.TopUpAsync(number, new TopUpInput(product.MinTopUp, "demo-top-up-" + member.Code, soldAt), cancellationToken);
        await payments.PayAsync(number, new PaymentInput(pay, "demo-pay-" + member.Code, pin, paidAt), cancellationToken);
    }
}
