using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Web.Controllers;

/// <summary>The board of a pipeline: a column per stage with its open deals, their count and amount.</summary>
[Route("sales")]
internal sealed class SalesPageController(OpportunityQueries queries) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Index(Guid? pipelineId, CancellationToken cancellationToken) =>
        await queries.BoardAsync(pipelineId, 20, cancellationToken) is { } board ? View("Index", board) : NotFound();
}
