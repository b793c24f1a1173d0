using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Settlement;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The settlement page of a day: the report (null when the date was refused) and the date as typed.</summary>
internal sealed record SettlementPage(string Date, SettlementReport? Report);

internal sealed record SettlementStorePage(string Date, string StoreCode, SettlementTransactions? Transactions);

/// <summary>
/// Daily settlement per store (门店日结) as pages: the day's rows against HQ with their totals, a store's transactions
/// behind its row (numbers masked) and the rows as CSV or .xlsx. The figures are <see cref="SettlementService"/>'s.
/// A date that is not one shows the page again with the refusal at the date (400).
/// </summary>
[Route("cards/settlement")]
internal sealed class SettlementPagesController(SettlementService settlement) : CardsPageController
{
    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Index(string? date, CancellationToken cancellationToken)
    {
        date = await DayAsync(date, cancellationToken);
        var report = await settlement.DayAsync(date, cancellationToken);
        return report.IsRefused
            ? await RefusedAsync(report.Refusal, () => Task.FromResult<IActionResult>(View(new SettlementPage(date, null))))
            : View(new SettlementPage(date, report.Value));
    }

    [HttpGet("{storeCode}/transactions")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Store(string storeCode, string? date, CancellationToken cancellationToken)
    {
        date = await DayAsync(date, cancellationToken);
        var transactions = await settlement.TransactionsAsync(storeCode, date, cancellationToken);
        return transactions.IsRefused
            ? await RefusedAsync(transactions.Refusal, () => Task.FromResult<IActionResult>(View(new SettlementStorePage(date, storeCode, null))))
            : View(new SettlementStorePage(date, storeCode, transactions.Value));
    }

    [HttpGet("export")]
    [RequirePermission(CardsPermissions.ViewSettlement)]
    public async Task<IActionResult> Export(string? date, string? format, CancellationToken cancellationToken)
    {
        var file = await settlement.ExportAsync(await DayAsync(date, cancellationToken), format, cancellationToken);
        return file.IsRefused
            ? Done("/cards/settlement", file.Refusal.Text.Template, [.. file.Refusal.Text.Arguments])
            : File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    private async Task<string> DayAsync(string? date, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(date) ? await settlement.TodayAsync(cancellationToken) : date.Trim();
}
