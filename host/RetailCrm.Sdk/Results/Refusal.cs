namespace RetailCrm.Sdk.Results;

/// <summary>
/// What kind of refusal it is. The value is the HTTP status the API answers with, and the status of a
/// page that shows the refused form again.
/// </summary>
public enum RefusalKind
{
    /// <summary>The input is not valid (400); <see cref="Refusal.Fields"/> names the fields at fault.</summary>
    Invalid = 400,

    /// <summary>The caller is not authenticated, or its credentials were refused (401).</summary>
    Unauthenticated = 401,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden = 403,

    /// <summary>What the request names does not exist, or is outside the caller's data scope (404).</summary>
    NotFound = 404,

    /// <summary>The current state forbids it: a status, a balance, a concurrent change (409).</summary>
    Conflict = 409,

    /// <summary>The request's body is larger than allowed, e.g. an uploaded file (413).</summary>
    PayloadTooLarge = 413,

    /// <summary>The request is well-formed but its content is refused, e.g. a wrong PIN or a reused idempotency key (422).</summary>
    Unprocessable = 422,
}

/// <summary>
/// A text shown to people: an English template with <c>{0}</c>-style placeholders, which is also its
/// translation key, and the values of the placeholders. The JSON API sends the English text (invariant
/// culture, amounts in minor units); pages show it translated, amounts as <see cref="MoneyAmount"/> formats them.
/// </summary>
/// <param name="Template">English text with placeholders; the key of its translation.</param>
/// <param name="Arguments">Placeholder values: strings, numbers, enums (shown by their translated names) or <see cref="MoneyAmount"/>.</param>
public sealed record LocalizableText(string Template, IReadOnlyList<object> Arguments)
{
    /// <summary>A text from a template and its arguments.</summary>
    public static LocalizableText Of(string template, params object[] arguments) => new(template, arguments);

    /// <summary>The text as the API and the reports write it: the English template, invariant culture (amounts in minor units).</summary>
    public string English() =>
        Arguments.Count == 0 ? Template : string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, [.. Arguments]);
}

/// <summary>An amount of money inside a refusal's text: minor units (fen) on the API, major units (yuan) on the pages.</summary>
/// <param name="Minor">The amount in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>CNY</c>.</param>
public sealed record MoneyAmount(long Minor, string Currency)
{
    /// <summary>The amount in the currency's major unit (yuan for CNY): minor units are hundredths.</summary>
    public decimal Major => Minor / 100m;

    /// <summary>The minor units, as the API's English texts have always shown amounts.</summary>
    public override string ToString() => Minor.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The one way people read an amount, on pages and in messages: major units with two decimals and a
    /// thousands separator, then the currency after a non-breaking space so the two never wrap apart,
    /// e.g. <c>1,234.50 CNY</c>.
    /// </summary>
    public string ToDisplayString() =>
        Major.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture) + "\u00A0" + Currency;

    /// <summary>The major units as a plain number for files and inputs, e.g. <c>1234.50</c> (invariant culture, no separator).</summary>
    public string ToMajorString() => Major.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One field at fault and what is wrong with it. <see cref="Field"/> is the JSON name (camelCase), or the form field's name.</summary>
public sealed record FieldRefusal(string Field, LocalizableText Text);

/// <summary>
/// The one way a module, the kernel or the host says no. The kernel turns a refusal into RFC 9457 problem
/// details for the API (<see cref="RefusalResult"/>) and into a form shown again with its errors for the pages
/// (<see cref="Web.FormState"/>), so the same refusal has the same status and text everywhere.
/// </summary>
/// <param name="Kind">The kind, which is also the HTTP status.</param>
/// <param name="Code">The problem type relative to <c>https://retailcrm.dev/problems/</c>, e.g. <c>cards/pin-invalid</c>.</param>
/// <param name="Text">What was refused and why, as a sentence.</param>
public sealed record Refusal(RefusalKind Kind, string Code, LocalizableText Text)
{
    /// <summary>A short English title (a translation key); when null the kind's standard title is used.</summary>
    public string? Title { get; init; }

    /// <summary>The fields at fault, each with its own text; empty when the refusal is about the request as a whole.</summary>
    public IReadOnlyList<FieldRefusal> Fields { get; init; } = [];

    /// <summary>Extra members of the problem details, e.g. <c>attemptsLeft</c> or <c>candidates</c> (camelCase names).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>The input of one field is not valid; the text is both the detail and that field's error.</summary>
    public static Refusal Invalid(string code, string field, string template, params object[] arguments)
    {
        var text = LocalizableText.Of(template, arguments);
        return new Refusal(RefusalKind.Invalid, code, text) { Fields = [new FieldRefusal(field, text)] };
    }

    /// <summary>The input of several fields is not valid.</summary>
    public static Refusal Invalid(string code, IReadOnlyList<FieldRefusal> fields) =>
        new(RefusalKind.Invalid, code, fields is [var only] ? only.Text : LocalizableText.Of("See errors for each field.")) { Fields = fields };

    /// <summary>What the request names does not exist (or is outside the caller's data scope).</summary>
    public static Refusal NotFound(string code, string template, params object[] arguments) => new(RefusalKind.NotFound, code, LocalizableText.Of(template, arguments));

    /// <summary>The current state forbids the change.</summary>
    public static Refusal Conflict(string code, string template, params object[] arguments) => new(RefusalKind.Conflict, code, LocalizableText.Of(template, arguments));

    /// <summary>The caller may not do this.</summary>
    public static Refusal Forbidden(string code, string template, params object[] arguments) => new(RefusalKind.Forbidden, code, LocalizableText.Of(template, arguments));

    /// <summary>The request is well-formed but its content is refused.</summary>
    public static Refusal Unprocessable(string code, string template, params object[] arguments) => new(RefusalKind.Unprocessable, code, LocalizableText.Of(template, arguments));

    /// <summary>The caller's credentials are missing or refused.</summary>
    public static Refusal Unauthenticated(string code, string template, params object[] arguments) => new(RefusalKind.Unauthenticated, code, LocalizableText.Of(template, arguments));

    /// <summary>The same refusal, pointing at one field (e.g. a conflict caused by one value).</summary>
    public Refusal At(string field) => this with { Fields = [new FieldRefusal(field, Text)] };

    /// <summary>The same refusal with a title.</summary>
    public Refusal Titled(string title) => this with { Title = title };

    /// <summary>The same refusal with one more problem-details member.</summary>
    public Refusal With(string extension, object? value) =>
        this with { Extensions = new Dictionary<string, object?>(Extensions) { [extension] = value } };
}
