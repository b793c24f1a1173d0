using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Web.Pages;

/// <summary>The deals list as CSV or Excel: the same query as the page (data scope and filters), headers in the reader's language.</summary>
internal sealed class DealExport(DealList list, SalesPageContext pageContext, ITableFileWriter writer, IDisplayText display, IStringLocalizer<SalesModule> t)
{
    public const int MaxRows = 100_000;

    private static readonly string[] Columns =
        ["Title", "Customer", "Stage", "Status", "Owner", "Amount", "Currency", "Expected close", "Forecast category", "Source", "Competitors", "Last activity", "Rotting", "Opened"];

    public async Task<TableFile?> ExportAsync(DealFilter filter, TableFileFormat format, CancellationToken cancellationToken)
    {
        var deals = await (await list.QueryAsync(filter, cancellationToken)).Take(MaxRows + 1).ToListAsync(cancellationToken);
        if (deals.Count > MaxRows)
        {
            return null;
        }

        var names = await pageContext.NamesAsync(cancellationToken);
        var clock = await pageContext.ClockAsync(cancellationToken);
        var rows = deals.Select(o => (IReadOnlyList<object?>)
        [
            o.Title, o.CustomerName, names.Stage(o.StageId), display.Name(o.Status), names.Person(o.OwnerUserId), new MoneyAmount(o.Amount, o.Currency).Major, o.Currency,
            SalesClock.Day(o.ExpectedCloseDate), display.Name(o.ForecastCategory), o.Source, o.Competitors, clock.When(o.LastActivityAt),
            o.IsRotting(names.FindStage(o.StageId)?.RottingDays, clock.UtcNow) ? t["Yes"].Value : "", clock.When(o.CreatedAt),
        ]);
        return writer.Write(format, "deals", [.. Columns.Select(c => t[c].Value)], rows);
    }
}
