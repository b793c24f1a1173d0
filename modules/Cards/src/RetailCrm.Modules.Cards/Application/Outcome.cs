using System.Globalization;

namespace RetailCrm.Modules.Cards.Application;

/// <summary>Why the cards module refused a request; the web layer turns it into an RFC 9457 answer.</summary>
internal enum Refusal
{
    NotFound,
    Invalid,
    Conflict,
    InsufficientBalance,
    CardNotActive,
    PinInvalid,
    AlreadyReversed,
    Forbidden,
}

/// <summary>
/// A refusal. <see cref="Detail"/> is the English text the JSON API answers with; <see cref="Template"/> and
/// <see cref="Args"/> are what it was formatted from, so the pages can show it in the user's language.
/// </summary>
internal sealed record Refused(Refusal Reason, string Detail, IDictionary<string, string[]>? Errors = null, int? AttemptsLeft = null)
{
    /// <summary>The English text with <c>{0}</c>-style placeholders; a localization key.</summary>
    public string Template { get; init; } = Detail;

    /// <summary>The values of the placeholders; amounts as <see cref="Amount"/>.</summary>
    public IReadOnlyList<object> Args { get; init; } = [];

    public static Refused Because(Refusal reason, string template, params object[] args) =>
        new(reason, Format(template, args)) { Template = template, Args = args };

    /// <summary>A refusal of one field's value; the message is both the detail and that field's error.</summary>
    public static Refused Field(string field, string template, params object[] args) => Field(Refusal.Invalid, field, template, args);

    /// <summary>A refusal of another reason (e.g. a conflict) that still points at one field.</summary>
    public static Refused Field(Refusal reason, string field, string template, params object[] args)
    {
        var detail = Format(template, args);
        return new(reason, detail, new Dictionary<string, string[]> { [field] = [detail] }) { Template = template, Args = args };
    }

    /// <summary>The English text: invariant culture, amounts in minor units (what the API has always said).</summary>
    public static string Format(string template, IReadOnlyList<object> args) =>
        args.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. args]);
}

/// <summary>An amount in a refusal's text: minor units in the API's English, yuan on the pages.</summary>
internal sealed record Amount(long Minor, string Currency)
{
    public override string ToString() => Minor.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A value, or the reason there is none.</summary>
internal sealed record Outcome<T>(T? Value, Refused? Refusal)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refused refusal) => new(default, refusal);
}
