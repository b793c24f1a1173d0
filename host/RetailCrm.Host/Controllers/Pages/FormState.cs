using RetailCrm.Host.Administration;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>
/// A refused form, shown again with what was typed and each error next to its field. Pages hold
/// several forms (one per row), so the state names the one it belongs to.
/// </summary>
public sealed record FormState(string FormId, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<AdminError> Errors)
{
    public static FormState From(string formId, IFormCollection form, AdminResult result) =>
        new(formId,
            form.Where(f => f.Key != "__RequestVerificationToken" && !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            result.Errors);

    public bool Is(string formId) => FormId == formId;

    public IEnumerable<AdminError> ErrorsFor(string formId, string field) =>
        Is(formId) ? Errors.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)) : [];

    /// <summary>What was typed into the field when this is the refused form, else the stored value.</summary>
    public string? Value(string formId, string field, string? stored) =>
        Is(formId) && Values.TryGetValue(field, out var typed) ? typed : stored;

    /// <summary>Whether a checkbox was ticked when this is the refused form, else whether it is stored as ticked.</summary>
    public bool Checked(string formId, string field, string value, bool stored) =>
        Is(formId) ? Values.TryGetValue(field, out var typed) && (typed ?? "").Split(',').Contains(value) : stored;
}
