using RetailCrm.Sdk.Results;

namespace RetailCrm.Sdk.Web;

/// <summary>The kinds of file a list is exported as.</summary>
public enum TableFileFormat
{
    /// <summary>Comma-separated, UTF-8 with a byte order mark so that Excel opens Chinese text correctly.</summary>
    Csv,

    /// <summary>An Excel workbook of one sheet.</summary>
    Xlsx,
}

/// <summary>An exported file, ready for <c>File(Content, ContentType, FileName)</c>.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">Its name, e.g. <c>deals-20261207-1030.xlsx</c>.</param>
public sealed record TableFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Writes a list as a CSV or Excel file: a header row, then one row per item. Values are written as they are:
/// numbers stay numbers in Excel (write money in major units), dates and texts as given (format them first).
/// The kernel implements it; modules export their lists through it instead of carrying a CSV and an Excel writer each.
/// </summary>
public interface ITableFileWriter
{
    /// <summary>The file named <c>{name}-{yyyyMMdd-HHmm}.csv|xlsx</c>; <paramref name="name"/> is the Excel sheet's name too.</summary>
    TableFile Write(TableFileFormat format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows);
}

/// <summary>A data row of a table file; <see cref="Number"/> is the row as the user sees it in the file (the header is row 1).</summary>
/// <param name="Number">The row's number in the file.</param>
/// <param name="Cells">The row's cells as text, in the order of the headers.</param>
public sealed record TableRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>The cell of a column, or null past the row's end.</summary>
    public string? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;
}

/// <summary>A table file read into its header names and data rows (blank rows left out).</summary>
/// <param name="Headers">The first row's cells, trimmed.</param>
/// <param name="Rows">The data rows.</param>
public sealed record TableContent(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows);

/// <summary>The file cannot be read as CSV or Excel; <see cref="Text"/> says why, in the reader's language once translated.</summary>
/// <param name="text">Why.</param>
public sealed class TableFileException(LocalizableText text) : Exception(text.English())
{
    /// <summary>Why the file cannot be read.</summary>
    public LocalizableText Text { get; } = text;
}

/// <summary>
/// Reads what people upload for an import: CSV (UTF-8, or GB18030 as Chinese Excel saves it; comma, semicolon or tab)
/// and Excel .xlsx (the first sheet), into rows of text: Excel dates as <c>yyyy-MM-dd</c>, whole numbers without
/// decimals. The kernel implements it; a file it cannot read throws <see cref="TableFileException"/>.
/// </summary>
public interface ITableFileReader
{
    /// <summary>At most this many data rows; a longer file is refused (split it).</summary>
    const int MaxRows = 500_000;

    /// <summary>The file's headers and, unless <paramref name="headersOnly"/>, its data rows.</summary>
    TableContent Read(string fileName, byte[] content, bool headersOnly = false);
}
