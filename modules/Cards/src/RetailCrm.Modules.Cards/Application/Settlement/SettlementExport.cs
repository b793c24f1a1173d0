using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace RetailCrm.Modules.Cards.Application.Settlement;

/// <summary>The settlement of a day as a file: one line per store and currency, then the totals lines.</summary>
internal static class SettlementExport
{
    private static readonly string[] Headers =
    [
        "Date", "Store", "Store name", "Currency", "Value sold", "Fees", "Deposits", "Exchange fees", "Deposits refunded", "Taken in",
        "Payments", "Credits to cards", "Redeemed", "Paid out", "Net (owed to HQ)", "Adjustments",
        "Top-ups", "Payments count", "Credits count", "Closes", "Charges count",
    ];

    public static SettlementFile Write(SettlementReport report, SettlementExportFormat format)
    {
        var date = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = report.Stores.Select(r => Values(date, r.StoreCode ?? "", r))
            .Concat(report.Totals.Select(r => Values(date, "TOTAL", r)))
            .ToList();
        return format == SettlementExportFormat.Xlsx
            ? new SettlementFile(Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"settlement-{date}.xlsx")
            : new SettlementFile(Csv(rows), "text/csv; charset=utf-8", $"settlement-{date}.csv");
    }

    private static object?[] Values(string date, string store, SettlementRow r) =>
    [
        date, store, r.StoreName ?? "", r.Currency, r.ValueSold, r.Fees, r.Deposits, r.ExchangeFees, r.DepositsRefunded, r.TakenIn,
        r.Payments, r.CreditsToCards, r.Redeemed, r.PaidOut, r.Net, r.Adjustments,
        r.TopUpCount, r.PaymentCount, r.CreditCount, r.CloseCount, r.ChargeCount,
    ];

    /// <summary>UTF-8 with a byte order mark, so that Excel opens Chinese store names correctly.</summary>
    private static byte[] Csv(List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(Headers);
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(value => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "").ToArray());
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The header is written as the first row (not from dictionary keys), so that a day without business still has its columns.</summary>
    private static byte[] Xlsx(List<object?[]> rows)
    {
        var keys = Enumerable.Range(0, Headers.Length).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sheet = new[] { Headers.Cast<object?>().ToArray() }.Concat(rows)
            .Select(row => keys.Select((k, i) => (k, v: row[i])).ToDictionary(x => x.k, x => x.v, StringComparer.Ordinal));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Settlement");
        return buffer.ToArray();
    }
}
