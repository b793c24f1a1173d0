using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>CSV with CsvHelper, Excel with MiniExcel (ClosedXML needs GDI+, which Linux servers lack).</summary>
internal sealed class TableFileWriter(TimeProvider time) : ITableFileWriter
{
    public TableFile Write(TableFileFormat format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return format == TableFileFormat.Xlsx
            ? new TableFile(Xlsx(name, headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}-{stamp}.xlsx")
            : new TableFile(Csv(headers, rows), "text/csv; charset=utf-8", $"{name}-{stamp}.csv");
    }

    private static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord([.. headers]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(value => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "")]);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The header is written as the first row (not from dictionary keys), so that an empty list still has its columns.</summary>
    private static byte[] Xlsx(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var keys = Enumerable.Range(0, headers.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sheet = new[] { headers.Cast<object?>().ToArray() }.Concat(rows)
            .Select(row => keys.Select((k, i) => (k, v: i < row.Count ? row[i] : null)).ToDictionary(x => x.k, x => x.v, StringComparer.Ordinal));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: name.Length > 31 ? name[..31] : name);
        return buffer.ToArray();
    }
}
