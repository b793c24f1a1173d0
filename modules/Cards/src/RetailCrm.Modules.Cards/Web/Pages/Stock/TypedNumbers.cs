namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

/// <summary>Card numbers as typed in a textarea: one a line (commas and spaces separate too).</summary>
internal static class TypedNumbers
{
    /// <summary>The numbers typed, or null when none were.</summary>
    public static IReadOnlyList<string>? Parse(string? text)
    {
        var numbers = (text ?? "").Split(['\n', '\r', ',', ' ', '\t', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return numbers.Length == 0 ? null : numbers;
    }
}
