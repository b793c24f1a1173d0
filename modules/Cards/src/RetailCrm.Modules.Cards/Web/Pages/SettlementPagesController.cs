using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Settlement;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The settlement page of a day: the report (null when the date was refused) and the date as typed.</summary>
internal sealed record SettlementPage(string Date, SettlementReport? Report, FieldErrors Errors);

internal sealed record SettlementStorePage(string Date, string StoreCode, SettlementTransactions? Transactions, FieldErrors Errors);

/// <summary>
/// Daily settlement per store (门店日结) as pages: the day's rows against HQ with their totals, a store's transactions
/// behind its row (numbers masked) and the rows as CSV or .xlsx. The figures are <see cref="SettlementService"/>'s.
/// </summary>
[Route("cards/settlement")]
internal sealed class SettlementPagesController(SettlementService settlement) : CardsPageBase
{
    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Index(string? date, CancellationToken cancellationToken)
    {
        date = string.IsNullOrWhiteSpace(date) ? await settlement.TodayAsync(cancellationToken) : date.Trim();
        var outcome = await settlement.DayAsync(date, cancellationToken);
        if (outcome.Refusal is { } refused)
        {
            Response.StatusCode = StatusOf(refused);
            return View(new SettlementPage(date, null, ErrorsOf(refused)));
        }

        return View(new SettlementPage(date, outcome.Value, new FieldErrors()));
    }

    [HttpGet("{storeCode}/transactions")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Store(string storeCode, string? date, CancellationToken cancellationToken)
    {
        date = string.IsNullOrWhiteSpace(date) ? await settlement.TodayAsync(cancellationToken) : date.Trim();
        var outcome = await settlement.TransactionsAsync(storeCode, date, cancellationToken);
        if (outcome.Refusal is { } refused)
        {
            Response.StatusCode = StatusOf(refused);
            return View(new SettlementStorePage(date, storeCode, null, ErrorsOf(refused)));
        }

        return View(new SettlementStorePage(date, storeCode, outcome.Value, new FieldErrors()));
    }

    [HttpGet("export")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Export(string? date, string? format, CancellationToken cancellationToken)
    {
        date = string.IsNullOrWhiteSpace(date) ? await settlement.TodayAsync(cancellationToken) : date.Trim();
        var outcome = await settlement.ExportAsync(date, format, cancellationToken);
        if (!outcome.IsRefused)
        {
            return File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName);
        }

        Notice = Localized(outcome.Refusal);
        return Redirect("/cards/settlement");
    }
}
