using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>
/// Amounts as people type and read them (yuan, <c>12.34</c>) and as the cards module keeps them (fen, <c>1234</c>).
/// Parsing is decimal and exact: no floating point, and more than two decimals is an error, never rounded.
/// </summary>
internal static partial class Money
{
    public const string NotAnAmount = "Type an amount like 12.34.";
    public const string TooManyDecimals = "An amount has at most two decimals.";
    public const string TooLarge = "The amount is too large.";
    public const string NotPositive = "The amount must be more than zero.";

    /// <summary>Fen from a typed yuan amount, or the reason it is not one.</summary>
    public static bool TryParseYuan(string? text, out long fen, out string? error)
    {
        fen = 0;
        error = null;
        var trimmed = (text ?? "").Trim().TrimStart('¥', '￥').Trim();
        if (AmountPattern().Match(trimmed) is not { Success: true } match)
        {
            error = DecimalsPattern().IsMatch(trimmed) ? TooManyDecimals : NotAnAmount;
            return false;
        }

        if (match.Groups["whole"].Value.TrimStart('0').Length > 13)
        {
            error = TooLarge;
            return false;
        }

        var yuan = decimal.Parse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        fen = (long)(yuan * 100m);
        return true;
    }

    /// <summary>Fen as the text of an amount input (<c>12.34</c>), empty for null.</summary>
    public static string ToInput(long? fen) => fen is { } value ? new MoneyAmount(value, "CNY").ToMajorString() : "";

    [GeneratedRegex(@"^(?<whole>[0-9]{1,15})(\.[0-9]{1,2})?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]{3,}$")]
    private static partial Regex DecimalsPattern();
}

/// <summary>A form field holding a yuan amount (optional unless also <see cref="RequiredAttribute"/>); see <see cref="Money.TryParseYuan"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class YuanAttribute : ValidationAttribute
{
    /// <summary>Zero is refused (payments, top-ups).</summary>
    public bool Positive { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        if (!Money.TryParseYuan(text, out var fen, out var error))
        {
            return new ValidationResult(error);
        }

        return Positive && fen <= 0 ? new ValidationResult(Money.NotPositive) : ValidationResult.Success;
    }
}
