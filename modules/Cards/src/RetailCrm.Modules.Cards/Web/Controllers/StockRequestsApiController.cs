using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>
/// Store requests for cards (门店空卡申请): the store asks, HQ approves or rejects, ships; the store receives.
/// A step the request's status does not allow is a 409 problem.
/// </summary>
[ApiController]
[Route("api/cards/stock/store-requests")]
internal sealed class StockRequestsApiController(StoreRequestService requests) : ControllerBase
{
    [HttpGet]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StoreRequestView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken) =>
        Ok(await requests.ListAsync(storeCode, status, cancellationToken));

    /// <summary>A request with the numbers shipped, received and missing.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await requests.GetAsync(id, cancellationToken) is { } request ? Ok(request) : new RefusalResult(Refuse.NotFound("No such store request."));

    [HttpPost]
    [RequirePermission(CardsPermissions.RequestStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(StoreRequestInput request, CancellationToken cancellationToken) =>
        (await requests.CreateAsync(request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/store-requests/{r.Id}", r));

    [HttpPost("{id:guid}/approve")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Approve(Guid id, ApprovalInput? request, CancellationToken cancellationToken) =>
        (await requests.ApproveAsync(id, request ?? new ApprovalInput(null), cancellationToken)).ToActionResult(Ok);

    [HttpPost("{id:guid}/reject")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reject(Guid id, RejectionInput request, CancellationToken cancellationToken) =>
        (await requests.RejectAsync(id, request, cancellationToken)).ToActionResult(Ok);

    [HttpPost("{id:guid}/ship")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Ship(Guid id, ShipmentInput? request, CancellationToken cancellationToken) =>
        (await requests.ShipAsync(id, request ?? new ShipmentInput(null), cancellationToken)).ToActionResult(Ok);

    [HttpPost("{id:guid}/receive")]
    [RequirePermission(CardsPermissions.ReceiveStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Receive(Guid id, StoreReceiptInput? request, CancellationToken cancellationToken) =>
        (await requests.ReceiveAsync(id, request ?? new StoreReceiptInput(null), cancellationToken)).ToActionResult(Ok);

    /// <summary>Settles shipped cards that never arrived: back into HQ stock (<c>ReturnToHq</c>) or Void (<c>WriteOff</c>), with a reason.</summary>
    [HttpPost("{id:guid}/missing")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [ProducesResponseType<StoreRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ResolveMissing(Guid id, MissingCardsInput request, CancellationToken cancellationToken) =>
        (await requests.ResolveMissingAsync(id, request, cancellationToken)).ToActionResult(Ok);
}
