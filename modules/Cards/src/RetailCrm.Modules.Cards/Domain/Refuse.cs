using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>
/// The cards module's refusals: the Sdk's <see cref="Refusal"/> with the module's problem types (<c>cards/...</c>).
/// A title is given where the pages show it before the text (the card's state, its balance, its PIN); the other
/// kinds keep the kernel's standard title.
/// </summary>
internal static class Refuse
{
    public const string NotFoundCode = "cards/not-found";
    public const string InvalidCode = "cards/invalid";
    public const string ConflictCode = "cards/conflict";
    public const string InsufficientBalanceCode = "cards/insufficient-balance";
    public const string CardNotActiveCode = "cards/card-not-active";
    public const string PinInvalidCode = "cards/pin-invalid";
    public const string AlreadyReversedCode = "cards/already-reversed";
    public const string ForbiddenCode = "cards/forbidden";

    /// <summary>What the request names does not exist in this tenant (404).</summary>
    public static Refusal NotFound(string template, params object[] arguments) => Refusal.NotFound(NotFoundCode, template, arguments);

    /// <summary>One field's value is refused (400); the text is that field's error.</summary>
    public static Refusal Invalid(string field, string template, params object[] arguments) => Refusal.Invalid(InvalidCode, field, template, arguments);

    /// <summary>Several fields' values are refused (400).</summary>
    public static Refusal Invalid(IReadOnlyList<FieldRefusal> fields) => Refusal.Invalid(InvalidCode, fields);

    /// <summary>The state of the card, product, order or request forbids it, or it changed meanwhile (409).</summary>
    public static Refusal Conflict(string template, params object[] arguments) => Refusal.Conflict(ConflictCode, template, arguments);

    /// <summary>A conflict caused by one field's value, e.g. a receipt id used for another amount (409, with the field).</summary>
    public static Refusal ConflictAt(string field, string template, params object[] arguments) => Conflict(template, arguments).At(field);

    /// <summary>The card holds less than the payment needs (409).</summary>
    public static Refusal InsufficientBalance(string template, params object[] arguments) =>
        Refusal.Conflict(InsufficientBalanceCode, template, arguments).Titled("The card's balance is too low");

    /// <summary>The card's status (or its expiry) forbids the operation (409).</summary>
    public static Refusal CardNotActive(string template, params object[] arguments) =>
        Refusal.Conflict(CardNotActiveCode, template, arguments).Titled("The card is not active");

    /// <summary>The payment was reversed already (409).</summary>
    public static Refusal AlreadyReversed(string template, params object[] arguments) =>
        Refusal.Conflict(AlreadyReversedCode, template, arguments).Titled("The payment was reversed already");

    /// <summary>The user may not act for this location (403).</summary>
    public static Refusal Forbidden(string template, params object[] arguments) => Refusal.Forbidden(ForbiddenCode, template, arguments);

    /// <summary>A wrong PIN (422), with the attempts left before the card locks (extension <c>attemptsLeft</c>).</summary>
    public static Refusal PinInvalid(int attemptsLeft) =>
        (attemptsLeft == 0
            ? Refusal.Unprocessable(PinInvalidCode, "The card is locked (frozen) after too many wrong PINs.")
            : Refusal.Unprocessable(PinInvalidCode, "{0} attempt(s) left before the card locks.", attemptsLeft))
        .Titled("The PIN is not valid")
        .With("attemptsLeft", attemptsLeft);
}
