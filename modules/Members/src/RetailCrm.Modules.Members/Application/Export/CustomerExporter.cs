using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Export;

/// <summary>
/// Exports a customer list view: the rows <see cref="CustomerService.ListAsync"/> gives for the
/// same query (data scope, filters and order included), with the list's visible columns and
/// headers in the user's language.
/// </summary>
internal sealed class CustomerExporter(CustomerService customers, IStringLocalizer<CustomerExporter> localizer, ISettingProvider settings, IDisplayText display, ITableFileWriter writer)
{
    /// <summary>More rows than this are refused: the file would be too big to be useful; filter the list.</summary>
    public const int MaxRows = 200_000;

    private static readonly string[] Columns = ["Code", "Name", "Kind", "Phone", "E-mail", "Tier", "Lifecycle class", "Birthday", "Last purchase", "Purchases", PurchaseTotal, "Tags"];

    /// <summary>In the main currency's major unit (yuan), the unit in the header, as the list page shows it.</summary>
    private const string PurchaseTotal = "Purchase total";

    public async Task<TableFile?> ExportAsync(CustomerQuery query, TableFileFormat format, CancellationToken cancellationToken)
    {
        var rows = await (await customers.ListAsync(query, cancellationToken)).Take(MaxRows + 1).ToListAsync(cancellationToken);
        if (rows.Count > MaxRows)
        {
            return null;
        }

        var currency = await settings.GetAsync(MembersSettings.Currency, cancellationToken) ?? "CNY";
        var headers = Columns.Select(c => c == PurchaseTotal ? localizer["Purchase total ({0})", currency].Value : localizer[c].Value).ToArray();
        return writer.Write(format, "customers", headers, rows.Select(row => (IReadOnlyList<object?>)Values(row, currency)));
    }

    private object?[] Values(CustomerListItem c, string currency) =>
    [
        c.Code,
        c.DisplayName,
        display.Name(c.Kind),
        c.Phone,
        c.Email,
        c.Tier,
        display.Name(c.LifecycleClass),
        c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.LastPurchaseAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        c.PurchaseCount,
        new MoneyAmount(c.PurchaseTotal, currency).Major,
        string.Join(", ", c.Tags.Order(StringComparer.Ordinal)),
    ];
}
