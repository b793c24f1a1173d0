using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application;

/// <summary>
/// The refusals that several members use cases give, written once. Codes are problem types under
/// <c>members/</c>; texts are English templates, translated by <c>Resources/Refusals.zh-CN.json</c>.
/// </summary>
internal static class MembersRefusals
{
    public const string InvalidCode = "members/invalid";
    public const string NotFoundCode = "members/not-found";

    /// <summary>The input has errors at these fields; <paramref name="title"/> says what was refused.</summary>
    public static Refusal Invalid(string title, IReadOnlyList<FieldRefusal> errors) =>
        Refusal.Invalid(InvalidCode, errors).Titled(title) with { Text = LocalizableText.Of("See errors for each field.") };

    // What a request names does not exist, or is outside the user's data scope (404).
    public static Refusal CustomerNotFound { get; } = Refusal.NotFound(NotFoundCode, "The customer does not exist or is outside your data scope.").Titled("No such customer");
    public static Refusal PurchaseNotFound { get; } = Refusal.NotFound(NotFoundCode, "The purchase does not exist or is outside your data scope.").Titled("No such purchase");
    public static Refusal ChangeRequestNotFound { get; } = Refusal.NotFound(NotFoundCode, "The change request does not exist or is outside your data scope.").Titled("No such change request");
    public static Refusal ImportBatchNotFound { get; } = Refusal.NotFound(NotFoundCode, "The import batch does not exist or is outside your data scope.").Titled("No such import batch");
    public static Refusal CustomFieldNotFound { get; } = Refusal.NotFound(NotFoundCode, "The custom field does not exist or is outside your data scope.").Titled("No such custom field");
    public static Refusal DuplicatePairNotFound { get; } = Refusal.NotFound(NotFoundCode, "The duplicate pair does not exist or is outside your data scope.").Titled("No such duplicate pair");
}

/// <summary>Gathers the field errors of an input while it is checked; they become <see cref="Refusal.Fields"/>.</summary>
internal static class FieldRefusals
{
    /// <summary>One more error at <paramref name="field"/> (the JSON name, e.g. <c>addresses[0].postcode</c>).</summary>
    public static void Add(this List<FieldRefusal> errors, string field, string template, params object[] arguments) =>
        errors.Add(new FieldRefusal(field, LocalizableText.Of(template, arguments)));

    /// <summary>One more error at <paramref name="field"/>, with a text made elsewhere (a phone or postcode check).</summary>
    public static void Add(this List<FieldRefusal> errors, string field, LocalizableText text) =>
        errors.Add(new FieldRefusal(field, text));
}
