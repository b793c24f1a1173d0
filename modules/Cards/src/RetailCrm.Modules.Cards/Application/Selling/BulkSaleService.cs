using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Selling;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>
/// HQ bulk sale (总部售卡): N cards of a product from HQ stock to a company customer, all or nothing. Each card is
/// taken by one conditional UPDATE on its status (InStock → Active), so two parallel sales never take the same card:
/// the loser's UPDATE finds the status changed (PostgreSQL re-checks the WHERE after the winner commits; SQLite runs
/// writers one at a time) and moves on to the next card in stock.
/// </summary>
internal sealed class BulkSaleService(
    CardsDbContext db,
    CardLedger ledger,
    CounterCharges charges,
    ICustomerLookup customers,
    StockPlaces places,
    ICurrentUser user,
    IEventBus events,
    TimeProvider time)
{
    public async Task<Result<BulkSaleView>> SellAsync(BulkSaleInput input, CancellationToken cancellationToken)
    {
        var productId = input.ProductId!.Value;
        var quantity = input.Quantity!.Value;
        var value = input.ValuePerCard ?? 0;
        var invoice = input.InvoiceNumber!.Trim();
        var product = await db.Set<CardProduct>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return Refuse.Invalid("productId", "No such card product.");
        }

        if (!product.IsActive)
        {
            return Refuse.Invalid("productId", "The product is not active.");
        }

        if (value > 0 && product.WhyNotTopUp(value, "valuePerCard") is { } limit)
        {
            return limit;
        }

        if (input.Pin is not null ? !Pins.IsWellFormed(input.Pin) : product.PinRequired)
        {
            return Refuse.Invalid("pin", product.PinRequired ? "The product needs a PIN of 4 to 8 digits." : "A PIN has 4 to 8 digits.");
        }

        var customer = await customers.FindByCodeAsync(input.CustomerCode!.Trim(), cancellationToken);
        if (customer is null)
        {
            return Refuse.Invalid("customerCode", "No customer of this tenant has this code.");
        }

        if (customer.Kind != CustomerKind.Organization)
        {
            return Refuse.Invalid("customerCode", "A bulk sale is to a company: the customer must be an organization.");
        }

        if (await InvoiceUsedAsync(invoice, cancellationToken))
        {
            return InvoiceTaken(invoice);
        }

        var hq = await places.HeadquartersAsync(cancellationToken);
        if (hq.IsRefused)
        {
            return hq.Refusal;
        }

        var headOffice = hq.Value;

        var pinHash = input.Pin is null ? null : Pins.Hash(input.Pin);
        try
        {
            return await ledger.AtomicAsync<BulkSaleView>(async () =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var cardSale = CardSale.Of(product, customer.Id, customer.Code, pinHash, headOffice.Code, now);
                var stock = db.Set<Card>().Where(c => c.ProductId == productId && c.Status == CardStatus.InStock);
                var taken = new List<(Guid Id, string Number)>();
                var tried = new HashSet<Guid>();
                while (taken.Count < quantity)
                {
                    var candidates = await stock.AsNoTracking()
                        .OrderBy(c => c.Number)
                        .Select(c => new { c.Id, c.Number })
                        .Take(quantity - taken.Count + tried.Count)
                        .ToListAsync(cancellationToken);
                    var fresh = candidates.Where(c => !tried.Contains(c.Id)).ToList();
                    if (fresh.Count == 0)
                    {
                        return Refuse.Invalid("quantity", "HQ stock of product {0} has {1} card(s) left to sell; {2} asked.", product.Code, taken.Count, quantity);
                    }

                    foreach (var candidate in fresh.Take(quantity - taken.Count))
                    {
                        tried.Add(candidate.Id);
                        if (await StockCardSales.TakeAsync(stock, candidate.Id, cardSale, cancellationToken))
                        {
                            taken.Add((candidate.Id, candidate.Number));
                        }
                    }
                }

                var sale = new BulkSale
                {
                    Id = Guid.NewGuid(),
                    InvoiceNumber = invoice,
                    CustomerId = customer.Id,
                    CustomerCode = customer.Code,
                    CustomerName = customer.DisplayName,
                    ProductId = productId,
                    Quantity = quantity,
                    ValuePerCard = value,
                    TotalValue = value * quantity,
                    Currency = product.Currency,
                    StoreCode = headOffice.Code,
                    Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                    UserName = user.UserName ?? "system",
                    SoldAt = now,
                };
                var reference = "bulk-sale:" + invoice;
                foreach (var (id, number) in taken)
                {
                    LedgerLine[] lines = value > 0
                        ? [new LedgerLine(LedgerEntryKind.Issue) { Reference = reference }, new LedgerLine(LedgerEntryKind.TopUp, value) { Reference = reference }]
                        : [new LedgerLine(LedgerEntryKind.Issue) { Reference = reference }];
                    _ = await ledger.MoveAsync(new LedgerMove(id, invoice, headOffice.Code, lines), cancellationToken)
                        ?? throw new InvalidOperationException("A card just sold could not take its value.");
                    sale.TotalCharges += charges.Sale(id, product, headOffice.Code, invoice, reference).Sum(c => c.Amount);
                    sale.Cards.Add(new BulkSaleCard { CardId = id, Number = number });
                    events.Publish(CardEvents.Sold(id, number, product, cardSale, value, invoice, sale.Id));
                }

                db.Set<BulkSale>().Add(sale);
                await db.SaveChangesAsync(cancellationToken);
                return BulkSaleView.From(sale);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel sale with the same invoice committed first; this one took nothing (rolled back).
            if (await InvoiceUsedAsync(invoice, cancellationToken))
            {
                return InvoiceTaken(invoice);
            }

            throw;
        }
    }

    public async Task<BulkSaleView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<BulkSale>().AsNoTracking().Include(s => s.Cards).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } sale
            ? BulkSaleView.From(sale)
            : null;

    public async Task<IReadOnlyList<BulkSaleView>> ListAsync(string? customerCode, CancellationToken cancellationToken)
    {
        var query = db.Set<BulkSale>().AsNoTracking().Include(s => s.Cards).AsQueryable();
        if (!string.IsNullOrWhiteSpace(customerCode))
        {
            var code = customerCode.Trim().ToUpperInvariant();
            query = query.Where(s => s.CustomerCode == code);
        }

        var sales = await query.AsSplitQuery().ToListAsync(cancellationToken);
        return sales.OrderByDescending(s => s.SoldAt).Select(BulkSaleView.From).ToList();
    }

    private Task<bool> InvoiceUsedAsync(string invoice, CancellationToken cancellationToken) =>
        db.Set<BulkSale>().AsNoTracking().AnyAsync(s => s.InvoiceNumber == invoice, cancellationToken);

    private static Refusal InvoiceTaken(string invoice)
    {
        return Refuse.ConflictAt("invoiceNumber", "Invoice {0} was used by another bulk sale.", invoice);
    }
}
