using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>
/// The card stock API under <c>/api/cards/stock</c>, one controller for the whole flow of a card through stock: the report,
/// blank purchases at HQ, production, store requests and stock-takes. Reads need the stock view permission, each step
/// its own; refusals are the services' (404 for an unknown id, 400 at the field, 409 when the state forbids the step).
/// </summary>
[ApiController]
[Route("api/cards/stock")]
internal sealed class StockApiController(
    StockReportService reports,
    PurchasingService purchasing,
    ProductionService production,
    StoreRequestService requests,
    StockTakeService takes) : ControllerBase
{
    // The stock report (cards by location, product and status; blanks by location and product), cards at a location, a card's moves.

    /// <summary>The stock report: cards per location, product and status.</summary>
    [HttpGet("report")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StockReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Report(string? locationCode, Guid? productId, CancellationToken cancellationToken) =>
        Ok(await reports.ReportAsync(locationCode, productId, cancellationToken));

    /// <summary>Lists the cards in stock, narrowed by location, product and status.</summary>
    [HttpGet("cards")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StockCardView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cards(string? locationCode, Guid? productId, CardStatus? status, CancellationToken cancellationToken) =>
        Ok(await reports.CardsAsync(locationCode, productId, status, cancellationToken));

    /// <summary>Every stock move of one card, oldest first.</summary>
    [HttpGet("cards/{number}/moves")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<CardMoveView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Moves(string number, CancellationToken cancellationToken) =>
        await reports.MovesAsync(number, cancellationToken) is { } moves ? Ok(moves) : new RefusalResult(Refuse.NotFound("No such card."));

    // Blank card purchase (裸卡采购): suppliers, purchase orders and receipts of batches into HQ blank stock.

    /// <summary>Lists the card suppliers.</summary>
    [HttpGet("suppliers")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<SupplierView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Suppliers(CancellationToken cancellationToken) => Ok(await purchasing.SuppliersAsync(cancellationToken));

    /// <summary>Reads one supplier.</summary>
    [HttpGet("suppliers/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Supplier(Guid id, CancellationToken cancellationToken) =>
        await purchasing.SupplierAsync(id, cancellationToken) is { } supplier ? Ok(supplier) : new RefusalResult(Refuse.NotFound("No such supplier."));

    /// <summary>Creates a card supplier.</summary>
    [HttpPost("suppliers")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateSupplier(SupplierInput request, CancellationToken cancellationToken)
    {
        var supplier = await purchasing.CreateSupplierAsync(request, cancellationToken);
        return Created($"/api/cards/stock/suppliers/{supplier.Id}", supplier);
    }

    /// <summary>Changes a supplier.</summary>
    [HttpPut("suppliers/{id:guid}")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateSupplier(Guid id, SupplierInput request, CancellationToken cancellationToken) =>
        (await purchasing.UpdateSupplierAsync(id, request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Lists the purchase orders, narrowed by status and supplier.</summary>
    [HttpGet("purchase-orders")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<PurchaseOrderView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PurchaseOrders(PurchaseOrderStatus? status, Guid? supplierId, CancellationToken cancellationToken) =>
        Ok(await purchasing.OrdersAsync(status, supplierId, cancellationToken));

    /// <summary>A purchase order with its receipts.</summary>
    [HttpGet("purchase-orders/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PurchaseOrder(Guid id, CancellationToken cancellationToken) =>
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
    public async Task<IActionResult> PlaceOrder(Guid id, CancellationToken cancellationToken) => (await purchasing.PlaceAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Cancels a draft or ordered purchase nothing of which has arrived.</summary>
    [HttpPost("purchase-orders/{id:guid}/cancel")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CancelOrder(Guid id, CancellationToken cancellationToken) => (await purchasing.CancelAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Receives a batch into HQ blank stock; never more than is still outstanding.</summary>
    [HttpPost("purchase-orders/{id:guid}/receipts")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [ProducesResponseType<ReceiptView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> ReceiveBatch(Guid id, ReceiptInput request, CancellationToken cancellationToken) =>
        (await purchasing.ReceiveAsync(id, request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/purchase-orders/{id}", r));

    /// <summary>Lists the goods receipts, of one purchase order when purchaseOrderId is given.</summary>
    [HttpGet("receipts")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<ReceiptView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Receipts(Guid? purchaseOrderId, CancellationToken cancellationToken) => Ok(await purchasing.ReceiptsAsync(purchaseOrderId, cancellationToken));

    // Card production (卡制作): runs that encode numbers onto HQ blanks, and their quality check (put away or spoil).

    /// <summary>Lists the production runs (cards numbered and made), of one product when productId is given.</summary>
    [HttpGet("production")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<ProductionView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ProductionRuns(Guid? productId, CancellationToken cancellationToken) => Ok(await production.ListAsync(productId, cancellationToken));

    /// <summary>A run with its first and last number and its cards counted by status.</summary>
    [HttpGet("production/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ProductionRun(Guid id, CancellationToken cancellationToken) =>
        await production.GetAsync(id, cancellationToken) is { } run ? Ok(run) : new RefusalResult(Refuse.NotFound("No such production run."));

    /// <summary>Encodes the product's next numbers onto that many HQ blanks (400 on <c>quantity</c> when the blanks are short).</summary>
    [HttpPost("production")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Produce(ProductionInput request, CancellationToken cancellationToken) =>
        (await production.ProduceAsync(request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/production/{r.Id}", r));

    /// <summary>Quality check: puts produced cards into HQ stock and voids the spoiled ones with their reason.</summary>
    [HttpPost("production/{id:guid}/put-away")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PutAway(Guid id, PutAwayInput? request, CancellationToken cancellationToken) =>
        (await production.PutAwayAsync(id, request ?? new PutAwayInput(null, null), cancellationToken)).ToActionResult(Ok);

    // Store requests for cards (门店空卡申请): the store asks, HQ approves or rejects, ships; the store receives. A step the request's status does not allow is a 409 problem.

    /// <summary>Lists the stores' requests for cards, narrowed by store and status.</summary>
    [HttpGet("store-requests")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StoreRequestView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> StoreRequests(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken) =>
        Ok(await requests.ListAsync(storeCode, status, cancellationToken));

    /// <summary>A request with the numbers shipped, received and missing.</summary>
    [HttpGet("store-requests/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> StoreRequest(Guid id, CancellationToken cancellationToken) =>
        await requests.GetAsync(id, cancellationToken) is { } request ? Ok(request) : new RefusalResult(Refuse.NotFound("No such store request."));

    /// <summary>A store requests cards from the warehouse; the request waits for approval.</summary>
    [HttpPost("store-requests")]
    [RequirePermission(CardsPermissions.RequestStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RequestCards(StoreRequestInput request, CancellationToken cancellationToken) =>
        (await requests.CreateAsync(request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/store-requests/{r.Id}", r));

    /// <summary>Approves a store's request, with the quantity granted (the requested one by default).</summary>
    [HttpPost("store-requests/{id:guid}/approve")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Approve(Guid id, ApprovalInput? request, CancellationToken cancellationToken) =>
        (await requests.ApproveAsync(id, request ?? new ApprovalInput(null), cancellationToken)).ToActionResult(Ok);

    /// <summary>Rejects a store's request with a reason.</summary>
    [HttpPost("store-requests/{id:guid}/reject")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reject(Guid id, RejectionInput request, CancellationToken cancellationToken) =>
        (await requests.RejectAsync(id, request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Ships the approved cards of a request to the store.</summary>
    [HttpPost("store-requests/{id:guid}/ship")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Ship(Guid id, ShipmentInput? request, CancellationToken cancellationToken) =>
        (await requests.ShipAsync(id, request ?? new ShipmentInput(null), cancellationToken)).ToActionResult(Ok);

    /// <summary>The store confirms the cards it received from a shipment.</summary>
    [HttpPost("store-requests/{id:guid}/receive")]
    [RequirePermission(CardsPermissions.ReceiveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ReceiveShipment(Guid id, StoreReceiptInput? request, CancellationToken cancellationToken) =>
        (await requests.ReceiveAsync(id, request ?? new StoreReceiptInput(null), cancellationToken)).ToActionResult(Ok);

    /// <summary>Settles shipped cards that never arrived: back into HQ stock (<c>ReturnToHq</c>) or Void (<c>WriteOff</c>), with a reason.</summary>
    [HttpPost("store-requests/{id:guid}/missing")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ResolveMissing(Guid id, MissingCardsInput request, CancellationToken cancellationToken) =>
        (await requests.ResolveMissingAsync(id, request, cancellationToken)).ToActionResult(Ok);

    // Stock-takes (盘点): open a count of a location, submit what was counted, close with the differences, write off.

    /// <summary>Lists the stock-takes, of one location when locationCode is given.</summary>
    [HttpGet("stock-takes")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StockTakeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> StockTakes(string? locationCode, CancellationToken cancellationToken) => Ok(await takes.ListAsync(locationCode, cancellationToken));

    /// <summary>Reads one stock-take.</summary>
    [HttpGet("stock-takes/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> StockTake(Guid id, CancellationToken cancellationToken) =>
        await takes.GetAsync(id, cancellationToken) is { } take ? Ok(take) : new RefusalResult(Refuse.NotFound("No such stock-take."));

    /// <summary>Opens a stock-take: snapshot of the location's cards in stock and its blanks.</summary>
    [HttpPost("stock-takes")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> OpenStockTake(StockTakeInput request, CancellationToken cancellationToken) =>
        (await takes.OpenAsync(request, cancellationToken)).ToActionResult(t => Created($"/api/cards/stock/stock-takes/{t.Id}", t));

    /// <summary>Submits the counted numbers and blanks (again, to correct a count, while not closed).</summary>
    [HttpPut("stock-takes/{id:guid}/count")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Count(Guid id, StockCountInput request, CancellationToken cancellationToken) =>
        (await takes.CountAsync(id, request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Closes the stock-take: missing and unexpected numbers and blank differences are kept.</summary>
    [HttpPost("stock-takes/{id:guid}/close")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CloseStockTake(Guid id, CancellationToken cancellationToken) => (await takes.CloseAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Confirms the differences: missing cards still in stock become void with the reason, missing blanks leave the stock.</summary>
    [HttpPost("stock-takes/{id:guid}/write-off")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> WriteOff(Guid id, WriteOffInput request, CancellationToken cancellationToken) =>
        (await takes.WriteOffAsync(id, request, cancellationToken)).ToActionResult(Ok);
}
