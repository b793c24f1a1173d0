using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>
/// Blank card purchase and custody (裸卡采购与保管): suppliers, purchase orders (Draft → Ordered → PartlyReceived →
/// Received, or Cancelled before anything arrived) and receipts of batches into HQ blank stock.
/// </summary>
internal sealed class PurchasingService(CardsDbContext db, CardLedger ledger, StockMoves moves, StockPlaces places)
{
    public async Task<IReadOnlyList<SupplierView>> SuppliersAsync(CancellationToken cancellationToken) =>
        (await db.Set<Supplier>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(SupplierView.From).ToList();

    public async Task<SupplierView?> SupplierAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Supplier>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s ? SupplierView.From(s) : null;

    public async Task<SupplierView> CreateSupplierAsync(SupplierInput input, CancellationToken cancellationToken)
    {
        var supplier = new Supplier { Id = Guid.NewGuid(), CreatedAt = moves.Now };
        Apply(supplier, input);
        db.Set<Supplier>().Add(supplier);
        await db.SaveChangesAsync(cancellationToken);
        return SupplierView.From(supplier);
    }

    public async Task<Result<SupplierView>> UpdateSupplierAsync(Guid id, SupplierInput input, CancellationToken cancellationToken)
    {
        var supplier = await db.Set<Supplier>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null)
        {
            return Refuse.NotFound("No such supplier.");
        }

        Apply(supplier, input);
        await db.SaveChangesAsync(cancellationToken);
        return SupplierView.From(supplier);
    }

    public async Task<IReadOnlyList<PurchaseOrderView>> OrdersAsync(PurchaseOrderStatus? status, Guid? supplierId, CancellationToken cancellationToken)
    {
        var query = db.Set<PurchaseOrder>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (supplierId is { } supplier)
        {
            query = query.Where(o => o.SupplierId == supplier);
        }

        var orders = await query.OrderByDescending(o => o.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return orders.Select(o => PurchaseOrderView.From(o, [])).ToList();
    }

    public async Task<PurchaseOrderView?> OrderAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.Set<PurchaseOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var receipts = await db.Set<PurchaseReceipt>().AsNoTracking().Where(r => r.PurchaseOrderId == id).ToListAsync(cancellationToken);
        return PurchaseOrderView.From(order, receipts.OrderBy(r => r.ReceivedAt).Select(ReceiptView.From).ToList());
    }

    public async Task<IReadOnlyList<ReceiptView>> ReceiptsAsync(Guid? purchaseOrderId, CancellationToken cancellationToken)
    {
        var query = db.Set<PurchaseReceipt>().AsNoTracking();
        if (purchaseOrderId is { } id)
        {
            query = query.Where(r => r.PurchaseOrderId == id);
        }

        return (await query.OrderByDescending(r => r.ReceivedAt).Take(500).ToListAsync(cancellationToken)).Select(ReceiptView.From).ToList();
    }

    public async Task<Result<PurchaseOrderView>> CreateOrderAsync(PurchaseOrderInput input, CancellationToken cancellationToken)
    {
        if (!await db.Set<Supplier>().AnyAsync(s => s.Id == input.SupplierId, cancellationToken))
        {
            return Refuse.Invalid("supplierId", "No such supplier.");
        }

        var product = await db.Set<CardProduct>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProductId, cancellationToken);
        if (product is null)
        {
            return Refuse.Invalid("productId", "No such card product.");
        }

        var now = moves.Now;
        var order = new PurchaseOrder
        {
            Id = Guid.NewGuid(),
            SupplierId = input.SupplierId!.Value,
            ProductId = product.Id,
            Quantity = input.Quantity!.Value,
            UnitPrice = input.UnitPrice!.Value,
            Currency = product.Currency,
            ExpectedDate = input.ExpectedDate,
            Note = input.Note?.Trim(),
            Status = PurchaseOrderStatus.Draft,
            CreatedBy = moves.UserName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<PurchaseOrder>().Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return PurchaseOrderView.From(order, []);
    }

    /// <summary>Places a draft with the supplier.</summary>
    public Task<Result<PurchaseOrderView>> PlaceAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, o => o.Status == PurchaseOrderStatus.Draft, PurchaseOrderStatus.Ordered, "Only a draft can be ordered.", cancellationToken);

    /// <summary>Cancels an order nothing of which has arrived.</summary>
    public Task<Result<PurchaseOrderView>> CancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, o => o.Status is PurchaseOrderStatus.Draft or PurchaseOrderStatus.Ordered && o.ReceivedQuantity == 0, PurchaseOrderStatus.Cancelled,
            "Only a draft or an ordered purchase with nothing received can be cancelled.", cancellationToken);

    /// <summary>
    /// Receives a batch into HQ blank stock. The order's received quantity grows by one conditional update that
    /// keeps it within the ordered quantity, so parallel receipts can never together receive more than was ordered.
    /// </summary>
    public async Task<Result<ReceiptView>> ReceiveAsync(Guid id, ReceiptInput input, CancellationToken cancellationToken)
    {
        var order = await db.Set<PurchaseOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return Refuse.NotFound("No such purchase order.");
        }

        if (NotReceivable(order) is { } refused)
        {
            return refused;
        }

        var hq = await places.HeadquartersAsync(cancellationToken);
        if (hq.Refusal is { } noHq)
        {
            return noHq;
        }

        var location = hq.Value!.Code;
        var quantity = input.Quantity!.Value;
        await moves.EnsureBlanksRowAsync(location, order.ProductId, cancellationToken);
        return await ledger.AtomicAsync<ReceiptView>(async () =>
        {
            var now = moves.Now;
            var rows = await db.Set<PurchaseOrder>()
                .Where(o => o.Id == id && (o.Status == PurchaseOrderStatus.Ordered || o.Status == PurchaseOrderStatus.PartlyReceived)
                    && o.ReceivedQuantity + quantity <= o.Quantity)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.ReceivedQuantity, o => o.ReceivedQuantity + quantity)
                    .SetProperty(o => o.Status, o => o.ReceivedQuantity + quantity == o.Quantity ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartlyReceived)
                    .SetProperty(o => o.UpdatedAt, now)
                    .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
            if (rows == 0)
            {
                var current = await db.Set<PurchaseOrder>().AsNoTracking().FirstAsync(o => o.Id == id, cancellationToken);
                return NotReceivable(current) ?? Refuse.Invalid("quantity",
                    "Only {0} of {1} ordered are still to come; a receipt cannot exceed the order.", current.Quantity - current.ReceivedQuantity, current.Quantity);
            }

            if (!await moves.MoveBlanksAsync(location, order.ProductId, quantity, cancellationToken))
            {
                return Refuse.Conflict("The HQ blank stock could not be updated; try again.");
            }

            var receipt = new PurchaseReceipt
            {
                Id = Guid.NewGuid(),
                PurchaseOrderId = id,
                ProductId = order.ProductId,
                BatchReference = input.BatchReference!.Trim(),
                Quantity = quantity,
                LocationCode = location,
                UserName = moves.UserName,
                ReceivedAt = now,
            };
            db.Set<PurchaseReceipt>().Add(receipt);
            await db.SaveChangesAsync(cancellationToken);
            return ReceiptView.From(receipt);
        }, cancellationToken);
    }

    private static Refusal? NotReceivable(PurchaseOrder order) => order.Status switch
    {
        PurchaseOrderStatus.Ordered or PurchaseOrderStatus.PartlyReceived => order.ReceivedQuantity >= order.Quantity
            ? Refuse.Invalid("quantity", "Everything ordered has been received.")
            : null,
        PurchaseOrderStatus.Received => Refuse.Invalid("quantity", "Everything ordered has been received."),
        _ => Refuse.Conflict("The purchase order is {0}; only an ordered purchase can be received.", order.Status),
    };

    private async Task<Result<PurchaseOrderView>> ChangeStatusAsync(Guid id, Func<PurchaseOrder, bool> allowed, PurchaseOrderStatus to, string notAllowed,
        CancellationToken cancellationToken)
    {
        var order = await db.Set<PurchaseOrder>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return Refuse.NotFound("No such purchase order.");
        }

        if (!allowed(order))
        {
            return Refuse.Conflict("The purchase order is {0}. " + notAllowed, order.Status);
        }

        order.Status = to;
        order.UpdatedAt = moves.Now;
        order.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refuse.Conflict("The purchase order changed meanwhile; try again.");
        }

        return (await OrderAsync(id, cancellationToken))!;
    }

    private void Apply(Supplier supplier, SupplierInput input)
    {
        supplier.Name = input.Name!.Trim();
        supplier.Contact = Blank(input.Contact);
        supplier.Phone = Blank(input.Phone);
        supplier.Email = Blank(input.Email);
        supplier.UpdatedAt = moves.Now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
