using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>How the administration services refuse a form with several fields at fault.</summary>
internal static class AdminRefusals
{
    /// <summary>
    /// The refusals of single fields as one: the only one as it is (its own code), or <c>validation</c> naming every
    /// field; null when there is none.
    /// </summary>
    public static Refusal? Combine(IReadOnlyList<Refusal> refusals) => refusals switch
    {
        [] => null,
        [var only] => only,
        _ => Refusal.Invalid("validation", [.. refusals.SelectMany(r => r.Fields)]),
    };

    /// <summary>Adds the refusal when there is one.</summary>
    public static void AddIf(this List<Refusal> refusals, Refusal? refusal)
    {
        if (refusal is not null)
        {
            refusals.Add(refusal);
        }
    }
}

/// <summary>The rules of a user name and a password, for a new user and for a new tenant's administrator.</summary>
internal static class AccountRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;

    /// <summary>Why the trimmed user name is refused, at <paramref name="field"/>, or null.</summary>
    public static Refusal? UserName(string userName, string field) =>
        userName.Length < 2 || userName.Length > 100 || !userName.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@' or '-')
            ? Refusal.Invalid("invalid-user-name", field, "A user name has 2 to 100 letters, digits or . _ @ -.")
            : null;

    /// <summary>Why the password is refused, at <paramref name="field"/>, or null.</summary>
    public static Refusal? Password(string? password, string field) =>
        password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength
            ? Refusal.Invalid("weak-password", field, "A password has {0} to {1} characters.", MinPasswordLength, MaxPasswordLength)
            : null;
}
