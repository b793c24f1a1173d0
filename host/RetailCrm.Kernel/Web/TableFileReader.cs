using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Reads CSV (UTF-8, or GB18030 as Chinese Excel saves it; comma, semicolon or tab) and Excel
/// .xlsx (first sheet) into rows of text, for every module's imports. Excel is read with MiniExcel, not ClosedXML 0.95.4:
/// ClosedXML measures fonts through System.Drawing, i.e. GDI+ via libgdiplus, which Linux
/// servers lack (its calls throw DllNotFoundException), and it holds whole workbooks in memory.
/// </summary>
internal sealed class TableFileReader : ITableFileReader
{
    public static bool IsExcel(string fileName, byte[] content) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
        || (content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4);

    public TableContent Read(string fileName, byte[] content, bool headersOnly = false)
    {
        if (content.Length == 0)
        {
            throw new TableFileException(LocalizableText.Of("The file is empty."));
        }

        var rows = IsExcel(fileName, content) ? ReadExcel(content) : ReadCsv(content);
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current.All(string.IsNullOrWhiteSpace))
        {
            throw new TableFileException(LocalizableText.Of("The file has no header row."));
        }

        var headers = enumerator.Current.Select(h => h?.Trim() ?? "").ToList();
        var data = new List<TableRow>();
        var number = 1;
        while (!headersOnly && enumerator.MoveNext())
        {
            number++;
            if (enumerator.Current.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (data.Count == ITableFileReader.MaxRows)
            {
                throw new TableFileException(LocalizableText.Of("The file has more than {0} rows; split it.", ITableFileReader.MaxRows));
            }

            data.Add(new TableRow(number, enumerator.Current));
        }

        return new TableContent(headers, data);
    }

    private static IEnumerable<string?[]> ReadCsv(byte[] content)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            DetectSeparatorHint = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var csv = CsvReader.FromText(Decode(content), options);
        while (ReadSafely(csv))
        {
            var cells = new string?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            yield return cells;
        }
    }

    private static bool ReadSafely(CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new TableFileException(LocalizableText.Of("The CSV cannot be read near line {0}: {1}", e.LineNumber, e.Message.Split('\n')[0]));
        }
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030, the encoding Excel uses for CSV on Chinese Windows.</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static IEnumerable<string?[]> ReadExcel(byte[] content)
    {
        IEnumerable<dynamic> rows;
        var stream = new MemoryStream(content, writable: false);
        try
        {
            rows = stream.Query(useHeaderRow: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TableFileException(LocalizableText.Of("The Excel file cannot be read: {0}", e.Message));
        }

        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            IDictionary<string, object?> row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                row = (IDictionary<string, object?>)enumerator.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new TableFileException(LocalizableText.Of("The Excel file cannot be read: {0}", e.Message));
            }

            // Keys are column letters A, B, ... in order; a row has every column up to the widest one.
            yield return row.Values.Select(Text).ToArray();
        }
    }

    /// <summary>An Excel cell as the text a user would type: dates as yyyy-MM-dd (with the time when there is one), whole numbers without decimals.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e16 => ((decimal)n).ToString("0", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
