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
