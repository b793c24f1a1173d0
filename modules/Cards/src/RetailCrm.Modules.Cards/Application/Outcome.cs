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

internal sealed record Refused(Refusal Reason, string Detail, IDictionary<string, string[]>? Errors = null, int? AttemptsLeft = null)
{
    public static Refused Field(string field, string message) => new(Refusal.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A value, or the reason there is none.</summary>
internal sealed record Outcome<T>(T? Value, Refused? Refusal)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refused refusal) => new(default, refusal);
}
