using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// A refused form, shown again: what was typed, each field's error and one general message, all already in
/// the user's language. Pages with several forms name the refused one by <see cref="FormId"/>; a page with one
/// form leaves it null. Controllers set it with <see cref="CrmPageController.RefusedAsync"/>; views read it
/// with <see cref="Of"/> and the theme's <c>_FieldError</c> and <c>_FormError</c> partials.
/// </summary>
public sealed class FormState
{
    /// <summary>The <c>ViewData</c> entry that holds the state of the page's refused form.</summary>
    public const string ViewDataKey = "RetailCrm.FormState";

    /// <summary>No refused form: every value is the stored one, no errors.</summary>
    public static readonly FormState None = new(null, new Dictionary<string, string?>(), new Dictionary<string, IReadOnlyList<string>>(), null);

    private readonly Dictionary<string, string?> _values;
    private readonly Dictionary<string, IReadOnlyList<string>> _errors;

    /// <param name="formId">The refused form; null for a page's only form.</param>
    /// <param name="values">What was posted, by field name (compared case-insensitively).</param>
    /// <param name="errors">Translated messages per field name (compared case-insensitively).</param>
    /// <param name="general">The translated message of a refusal not tied to one field.</param>
    public FormState(string? formId, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string? general)
    {
        FormId = formId;
        _values = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        _errors = new Dictionary<string, IReadOnlyList<string>>(errors, StringComparer.OrdinalIgnoreCase);
        General = general;
    }

    /// <summary>The refused form; null for a page's only form.</summary>
    public string? FormId { get; }

    /// <summary>The message of a refusal that is not one field's fault.</summary>
    public string? General { get; }

    /// <summary>The messages of every field at fault.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => _errors;

    /// <summary>Whether a form was refused at all.</summary>
    public bool IsRefused => !ReferenceEquals(this, None);

    /// <summary>The state a view was given, or <see cref="None"/>.</summary>
    public static FormState Of(ViewDataDictionary viewData) => viewData[ViewDataKey] as FormState ?? None;

    /// <summary>Whether this is the state of the named form.</summary>
    public bool Is(string? formId) => IsRefused && string.Equals(FormId, formId, StringComparison.Ordinal);

    /// <summary>What was typed into the field when this form was refused, else the stored value.</summary>
    public string? Value(string field, string? stored, string? formId = null) =>
        Is(formId) && _values.TryGetValue(field, out var typed) ? typed : stored;

    /// <summary>Whether a checkbox or option was ticked when this form was refused, else whether it is stored as ticked.</summary>
    public bool Checked(string field, string value, bool stored, string? formId = null) =>
        Is(formId) ? _values.TryGetValue(field, out var typed) && (typed ?? "").Split(',').Contains(value, StringComparer.Ordinal) : stored;

    /// <summary>The field's messages joined, or null.</summary>
    public string? Error(string field, string? formId = null) =>
        Is(formId) && _errors.TryGetValue(field, out var messages) && messages.Count > 0 ? string.Join(" ", messages) : null;

    /// <summary>The general message of the named form, or null.</summary>
    public string? GeneralOf(string? formId = null) => Is(formId) ? General : null;
}

/// <summary>Names one field of one form for the theme's <c>_FieldError</c> partial.</summary>
/// <param name="Field">The field's name as posted.</param>
/// <param name="FormId">The form, on pages with several; null otherwise.</param>
public sealed record FieldRef(string Field, string? FormId = null);

/// <summary>Names one form for the theme's <c>_FormError</c> partial.</summary>
/// <param name="FormId">The form, on pages with several; null otherwise.</param>
public sealed record FormRef(string? FormId = null);

/// <summary>
/// Texts of pages in the user's language: a template is looked up in the resources of the module whose page it
/// is, then in the kernel's; amounts (<see cref="Results.MoneyAmount"/>) are shown in major units with the
/// currency, enums by their translated names. Implemented by the kernel.
/// </summary>
public interface IPageLocalizer
{
    /// <summary>The text translated and formatted for the current user.</summary>
    string Text(Results.LocalizableText text);

    /// <summary>The form refused for <paramref name="refusal"/>, with the posted values of the current request; the response answers with the refusal's status.</summary>
    FormState Refused(Results.Refusal refusal, string? formId = null);

    /// <summary>The form refused by MVC model validation (the current request's model state, answered 400), or null when it is valid.</summary>
    FormState? Invalid(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string? formId = null);
}
