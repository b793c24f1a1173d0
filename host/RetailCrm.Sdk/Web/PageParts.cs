namespace RetailCrm.Sdk.Web;

/// <summary>
/// Where a paged list stands, for the theme's <c>_Pager</c> partial: its links keep the page's other query values
/// and change only <c>page</c>.
/// </summary>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in all pages.</param>
public sealed record Pager(int Page, int PageSize, int Total)
{
    /// <summary>The most rows a page may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// Whether <see cref="Total"/> is only how far the list was counted: a search over a very large table stops
    /// counting there, and the pager says "more than".
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>How many pages there are; at least 1, so that an empty list is "page 1 of 1".</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / Math.Max(1, PageSize));

    /// <summary>Rows to skip before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>A page and size as asked for in a query string, brought into range (page from 1, size 1 to <see cref="MaxPageSize"/>).</summary>
    public static (int Page, int PageSize) Clamp(int? page, int? pageSize, int defaultSize = 50) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
}

/// <summary>What the theme's <c>_EmptyState</c> partial shows where a list has nothing: an icon, a sentence and maybe the way to add one.</summary>
/// <param name="Text">The sentence, already in the user's language.</param>
/// <param name="Icon">A Lucide icon name; <c>inbox</c> when null.</param>
public sealed record EmptyState(string Text, string? Icon = null)
{
    /// <summary>The text of the action's link, e.g. "New product"; no link when null.</summary>
    public string? ActionText { get; init; }

    /// <summary>Where the action's link goes.</summary>
    public string? ActionUrl { get; init; }
}

/// <summary>The kinds of input the theme's <c>_Field</c> partial draws.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A number (decimal point allowed).</summary>
    Number,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A password: never shown again after a refusal.</summary>
    Password,

    /// <summary>Several lines of text.</summary>
    TextArea,

    /// <summary>One of <see cref="FormField.Options"/>.</summary>
    Select,

    /// <summary>A phone number.</summary>
    Phone,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A date and time of day (a <c>datetime-local</c> input, e.g. <c>2026-12-07T14:30</c>).</summary>
    DateTime,
}

/// <summary>
/// One field of a form for the theme's <c>_Field</c> partial: its label, input, hint and error (from
/// <see cref="FormState"/>: after a refusal it shows what was typed and the field's message).
/// </summary>
/// <param name="Name">The name the field is posted under.</param>
/// <param name="Label">The label, already in the user's language.</param>
/// <param name="Value">The stored value; replaced by what was typed when the form was refused.</param>
public sealed record FormField(string Name, string Label, string? Value = null)
{
    /// <summary>The kind of input.</summary>
    public FieldKind Kind { get; init; } = FieldKind.Text;

    /// <summary>A sentence under the input, already in the user's language.</summary>
    public string? Hint { get; init; }

    /// <summary>Whether the browser requires a value before posting.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the cursor starts in this field.</summary>
    public bool Autofocus { get; init; }

    /// <summary>The form on pages with several; null otherwise.</summary>
    public string? FormId { get; init; }

    /// <summary>The choices of a <see cref="FieldKind.Select"/>: value and text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];

    /// <summary>The input's id; the field's name when null (prefixed by the form's id when there is one).</summary>
    public string? Id { get; init; }
}
