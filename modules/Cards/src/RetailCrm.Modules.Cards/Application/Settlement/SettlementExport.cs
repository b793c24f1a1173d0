using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Settlement;

/// <summary>The settlement of a day as a file: one line per store and currency, then the totals lines.</summary>
internal static class SettlementExport
{
    private static readonly string[] AmountHeaders =
    [
        "Value sold", "Fees", "Deposits", "Exchange fees", "Deposits refunded", "Taken in",
        "Payments", "Credits to cards", "Redeemed", "Paid out", "Net owed to HQ", "Adjustments",
    ];

    private static readonly string[] CountHeaders = ["Top-ups", "Payments count", "Credits count", "Closes", "Charges count"];

    /// <summary>
    /// Amounts are in the currency's major unit (yuan), as the pages show them; the API's JSON keeps minor units. The
    /// unit is in each amount's header: the currency when the day has one, else the row's Currency column.
    /// </summary>
    public static SettlementFile Write(SettlementReport report, SettlementExportFormat format)
    {
        var date = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = report.Stores.Select(r => Values(date, r.StoreCode ?? "", r))
            .Concat(report.Totals.Select(r => Values(date, "TOTAL", r)))
            .ToList();
        var headers = Headers(report);
        return format == SettlementExportFormat.Xlsx
            ? new SettlementFile(Xlsx(headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"settlement-{date}.xlsx")
            : new SettlementFile(Csv(headers, rows), "text/csv; charset=utf-8", $"settlement-{date}.csv");
    }

    private static string[] Headers(SettlementReport report)
    {
        var currencies = report.Stores.Concat(report.Totals).Select(r => r.Currency).Distinct(StringComparer.Ordinal).ToList();
        var unit = currencies is [var only] ? only : "in Currency";
        return ["Date", "Store", "Store name", "Currency", .. AmountHeaders.Select(h => $"{h} ({unit})"), .. CountHeaders];
    }

    private static object?[] Values(string date, string store, SettlementRow r)
    {
        decimal Major(long minor) => new MoneyAmount(minor, r.Currency).Major;
        return
        [
            date, store, r.StoreName ?? "", r.Currency, Major(r.ValueSold), Major(r.Fees), Major(r.Deposits), Major(r.ExchangeFees),
            Major(r.DepositsRefunded), Major(r.TakenIn), Major(r.Payments), Major(r.CreditsToCards), Major(r.Redeemed), Major(r.PaidOut),
            Major(r.Net), Major(r.Adjustments),
            r.TopUpCount, r.PaymentCount, r.CreditCount, r.CloseCount, r.ChargeCount,
        ];
    }

    /// <summary>UTF-8 with a byte order mark, so that Excel opens Chinese store names correctly.</summary>
    private static byte[] Csv(string[] headers, List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(headers);
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(Text).ToArray());
            }
        }

        return buffer.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        decimal major => major.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    /// <summary>The header is written as the first row (not from dictionary keys), so that a day without business still has its columns.</summary>
    private static byte[] Xlsx(string[] headers, List<object?[]> rows)
    {
        var keys = Enumerable.Range(0, headers.Length).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sheet = new[] { headers.Cast<object?>().ToArray() }.Concat(rows)
            .Select(row => keys.Select((k, i) => (k, v: row[i])).ToDictionary(x => x.k, x => x.v, StringComparer.Ordinal));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Settlement");
        return buffer.ToArray();
    }
}
