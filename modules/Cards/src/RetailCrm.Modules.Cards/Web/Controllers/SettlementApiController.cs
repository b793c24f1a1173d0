using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Settlement;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>
/// Daily settlement per store against HQ (rules in <see cref="SettlementService"/>): the day's rows, a store's
/// transactions behind its row, and the rows as CSV or .xlsx. A date that is not YYYY-MM-DD is a 400 with field <c>date</c>.
/// </summary>
[ApiController]
[Route("api/cards/settlement")]
internal sealed class SettlementApiController(SettlementService settlement) : ControllerBase
{
    /// <summary>One row per store and currency (taken in by kind, redeemed, paid out, net, counts) and the totals.</summary>
    [HttpGet]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    [ProducesResponseType<SettlementReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Day([FromQuery] string? date, CancellationToken cancellationToken) =>
        (await settlement.DayAsync(date, cancellationToken)).ToActionResult(Ok);

    /// <summary>The ledger entries and charges of a store's row, card numbers masked; store <c>-</c> for those recorded without a store.</summary>
    [HttpGet("{storeCode}/transactions")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    [ProducesResponseType<SettlementTransactions>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Transactions(string storeCode, [FromQuery] string? date, CancellationToken cancellationToken) =>
        (await settlement.TransactionsAsync(storeCode, date, cancellationToken)).ToActionResult(Ok);

    /// <summary>The day's rows and totals as <c>format=csv</c> (default) or <c>xlsx</c>.</summary>
    [HttpGet("export")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    [ProducesResponseType(typeof(FileContentResult), StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task<IActionResult> Export([FromQuery] string? date, [FromQuery] string? format, CancellationToken cancellationToken) =>
        (await settlement.ExportAsync(date, format, cancellationToken)).ToActionResult(file => File(file.Content, file.ContentType, file.FileName));
}
