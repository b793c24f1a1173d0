using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>Purchases (消费记录) from tills and the ERP, idempotent by receipt id, and a customer's purchase history.</summary>
[ApiController]
[Route("api/members")]
internal sealed class PurchasesApiController(PurchaseRecorder recorder, PurchaseQueries queries) : ControllerBase
{
    /// <summary>
    /// Records a purchase: 201 with it; 200 with the first one when the same receipt comes again;
    /// 409 when the receipt id was recorded with other content; 400 with the fields at fault.
    /// </summary>
    [HttpPost("purchases")]
    [RequirePermission(MembersPermissions.RecordPurchases)]
    [ProducesResponseType<PurchaseView>(StatusCodes.Status201Created)]
    [ProducesResponseType<PurchaseView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Record(PurchaseInput purchase, CancellationToken cancellationToken) =>
        (await recorder.RecordAsync(purchase, PurchaseRecorder.ApiSource, cancellationToken)).ToActionResult(recorded => recorded.AlreadyRecorded
            ? Ok(recorded.Purchase)
            : Created($"/api/members/purchases/{recorded.Purchase.Id}", recorded.Purchase));

    /// <summary>Reads one purchase with its lines.</summary>
    [HttpGet("purchases/{id:guid}")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<PurchaseView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } purchase ? Ok(purchase) : new RefusalResult(MembersRefusals.PurchaseNotFound);

    /// <summary>A customer's purchases, newest first.</summary>
    [HttpGet("customers/{id:guid}/purchases")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<PagedResult<PurchaseView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ForCustomer(Guid id, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default) =>
        await queries.ForCustomerAsync(id, page, pageSize, cancellationToken) is { } purchases ? Ok(purchases) : new RefusalResult(MembersRefusals.CustomerNotFound);
}
