using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Blank card purchase (裸卡采购): suppliers, purchase orders and receipts of batches into HQ blank stock.</summary>
[ApiController]
[Route("api/cards/stock")]
internal sealed class StockPurchasingApiController(PurchasingService purchasing) : ControllerBase
{
    [HttpGet("suppliers")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<SupplierView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Suppliers(CancellationToken cancellationToken) => Ok(await purchasing.SuppliersAsync(cancellationToken));

    [HttpGet("suppliers/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Supplier(Guid id, CancellationToken cancellationToken) =>
        await purchasing.SupplierAsync(id, cancellationToken) is { } supplier ? Ok(supplier) : new RefusalResult(Refuse.NotFound("No such supplier."));

    [HttpPost("suppliers")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateSupplier(SupplierInput request, CancellationToken cancellationToken)
    {
        var supplier = await purchasing.CreateSupplierAsync(request, cancellationToken);
        return Created($"/api/cards/stock/suppliers/{supplier.Id}", supplier);
    }

    [HttpPut("suppliers/{id:guid}")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateSupplier(Guid id, SupplierInput request, CancellationToken cancellationToken) =>
        (await purchasing.UpdateSupplierAsync(id, request, cancellationToken)).ToActionResult(Ok);

    [HttpGet("purchase-orders")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<PurchaseOrderView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Orders(PurchaseOrderStatus? status, Guid? supplierId, CancellationToken cancellationToken) =>
        Ok(await purchasing.OrdersAsync(status, supplierId, cancellationToken));

    /// <summary>A purchase order with its receipts.</summary>
    [HttpGet("purchase-orders/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Order(Guid id, CancellationToken cancellationToken) =>
        await purchasing.OrderAsync(id, cancellationToken) is { } order ? Ok(order) : new RefusalResult(Refuse.NotFound("No such purchase order."));

    /// <summary>Creates a draft purchase order of blanks.</summary>
    [HttpPost("purchase-orders")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateOrder(PurchaseOrderInput request, CancellationToken cancellationToken) =>
        (await purchasing.CreateOrderAsync(request, cancellationToken)).ToActionResult(o => Created($"/api/cards/stock/purchase-orders/{o.Id}", o));

    /// <summary>Places a draft with the supplier (Draft → Ordered).</summary>
    [HttpPost("purchase-orders/{id:guid}/order")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Place(Guid id, CancellationToken cancellationToken) => (await purchasing.PlaceAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Cancels a draft or ordered purchase nothing of which has arrived.</summary>
    [HttpPost("purchase-orders/{id:guid}/cancel")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken) => (await purchasing.CancelAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Receives a batch into HQ blank stock; never more than is still outstanding.</summary>
    [HttpPost("purchase-orders/{id:guid}/receipts")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<ReceiptView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Receive(Guid id, ReceiptInput request, CancellationToken cancellationToken) =>
        (await purchasing.ReceiveAsync(id, request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/purchase-orders/{id}", r));

    [HttpGet("receipts")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<ReceiptView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Receipts(Guid? purchaseOrderId, CancellationToken cancellationToken) => Ok(await purchasing.ReceiptsAsync(purchaseOrderId, cancellationToken));
}
