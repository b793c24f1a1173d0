using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Export;

internal enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>An exported file.</summary>
internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exports a customer list view: the rows <see cref="CustomerService.ListAsync"/> gives for the
/// same query (data scope, filters and order included), with the list's visible columns and
/// headers in the user's language.
/// </summary>
internal sealed class CustomerExporter(CustomerService customers, IStringLocalizer<CustomerExporter> localizer, ISettingProvider settings, IDisplayText display)
{
    /// <summary>More rows than this are refused: the file would be too big to be useful; filter the list.</summary>
    public const int MaxRows = 200_000;

    private static readonly string[] Columns = ["Code", "Name", "Kind", "Phone", "E-mail", "Tier", "Lifecycle class", "Birthday", "Last purchase", "Purchases", PurchaseTotal, "Tags"];

    /// <summary>In the main currency's major unit (yuan), the unit in the header, as the list page shows it.</summary>
    private const string PurchaseTotal = "Purchase total";

    public async Task<ExportFile?> ExportAsync(CustomerQuery query, ExportFormat format, CancellationToken cancellationToken)
    {
        var rows = await (await customers.ListAsync(query, cancellationToken)).Take(MaxRows + 1).ToListAsync(cancellationToken);
        if (rows.Count > MaxRows)
        {
            return null;
        }

        var currency = await settings.GetAsync(MembersSettings.Currency, cancellationToken) ?? "CNY";
        var headers = Columns.Select(c => c == PurchaseTotal ? localizer["Purchase total ({0})", currency].Value : localizer[c].Value).ToArray();
        var values = rows.Select(row => Values(row, currency)).ToList();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return format == ExportFormat.Xlsx
            ? new ExportFile(Xlsx(headers, values), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"customers-{stamp}.xlsx")
            : new ExportFile(Csv(headers, values), "text/csv; charset=utf-8", $"customers-{stamp}.csv");
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

    /// <summary>UTF-8 with a byte order mark, so that Excel opens Chinese text correctly.</summary>
    private static byte[] Csv(string[] headers, List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(headers);
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(value => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "").ToArray());
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The header is written as the first row (not from dictionary keys), so that an empty list still has its columns.</summary>
    private static byte[] Xlsx(string[] headers, List<object?[]> rows)
    {
        var keys = Enumerable.Range(0, headers.Length).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sheet = new[] { headers.Cast<object?>().ToArray() }.Concat(rows)
            .Select(row => keys.Select((k, i) => (k, v: row[i])).ToDictionary(x => x.k, x => x.v, StringComparer.Ordinal));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Customers");
        return buffer.ToArray();
    }
}
