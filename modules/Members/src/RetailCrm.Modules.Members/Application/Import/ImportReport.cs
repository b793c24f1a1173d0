using System.Globalization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>What is wrong with a row: an error (the row cannot be imported) or a duplicate (of an existing customer or of an earlier row).</summary>
internal static class IssueKind
{
    public const string Error = "error";
    public const string Duplicate = "duplicate";
}

/// <summary>
/// One finding of a dry run or commit. <see cref="Row"/> is the row in the file (header = 1);
/// <see cref="Field"/> the import field and <see cref="Column"/> the file column it came from. <see cref="Message"/> is
/// English (the API's text); <see cref="Template"/> and <see cref="Arguments"/> are the same text to translate on the page
/// (null in reports stored before they were kept).
/// </summary>
internal sealed record ImportIssue(int Row, string Kind, string Field, string? Column, string Message, string? DuplicateOf = null,
    string? Template = null, IReadOnlyList<string>? Arguments = null)
{
    public static ImportIssue Of(int row, string kind, string field, string? column, LocalizableText text, string? duplicateOf = null) =>
        new(row, kind, field, column, text.English(), duplicateOf, text.Template,
            [.. text.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]);
}

/// <summary>The row-by-row report of a dry run or a commit, as stored on the batch.</summary>
internal sealed record ImportReport
{
    public int TotalRows { get; init; }

    public int ValidRows { get; init; }

    public int ErrorRows { get; init; }

    public int DuplicateRows { get; init; }

    public int ImportedRows { get; init; }

    /// <summary>Rows left out by the commit: error rows (when skipped) and duplicates (unless imported).</summary>
    public int SkippedRows { get; init; }

    public bool Truncated { get; init; }

    /// <summary>Why the last commit was refused or failed.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    /// <summary>Stored reports keep at most this many issues; the counts stay exact.</summary>
    public const int MaxStoredIssues = 10_000;
}

/// <summary>The commit's choices: leave out rows with errors (else any error aborts the commit), and import duplicates anyway.</summary>
internal sealed record CommitOptions(bool SkipErrorRows, bool ImportDuplicates);

/// <summary>The analysis of every row, before anything is written.</summary>
internal sealed class RowFindings
{
    private readonly List<ImportIssue> _issues = [];
    private readonly HashSet<int> _errorRows = [];
    private readonly HashSet<int> _duplicateRows = [];

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public int ErrorRows => _errorRows.Count;

    public int DuplicateRows => _duplicateRows.Count;

    public void Error(int row, string field, string? column, LocalizableText text)
    {
        _issues.Add(ImportIssue.Of(row, IssueKind.Error, field, column, text));
        _errorRows.Add(row);
    }

    public void Duplicate(int row, string field, string? column, LocalizableText text, string duplicateOf)
    {
        _issues.Add(ImportIssue.Of(row, IssueKind.Duplicate, field, column, text, duplicateOf));
        _duplicateRows.Add(row);
    }

    public bool HasError(int row) => _errorRows.Contains(row);

    public bool IsDuplicate(int row) => _duplicateRows.Contains(row);

    public ImportReport ToReport(int totalRows, int validRows, int imported = 0, int skipped = 0, string? message = null) => new()
    {
        TotalRows = totalRows,
        ValidRows = validRows,
        ErrorRows = ErrorRows,
        DuplicateRows = DuplicateRows,
        ImportedRows = imported,
        SkippedRows = skipped,
        Message = message,
        Truncated = _issues.Count > ImportReport.MaxStoredIssues,
        Issues = _issues.OrderBy(i => i.Row).ThenBy(i => i.Kind, StringComparer.Ordinal).Take(ImportReport.MaxStoredIssues).ToList(),
    };
}
