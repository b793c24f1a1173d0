using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Sales.Application;

/// <summary>The settings of the sales module.</summary>
internal static class SalesSettings
{
    /// <summary>The currency of new deals (ISO 4217).</summary>
    public const string Currency = "sales.currency";

    /// <summary>Why deals are won: the reasons a sales person chooses from, separated by <c>;</c>.</summary>
    public const string WonReasons = "sales.won-reasons";

    /// <summary>Why deals are lost, separated by <c>;</c>.</summary>
    public const string LostReasons = "sales.lost-reasons";

    /// <summary>The IANA zone whose weeks, months and quarters the journal review and the forecast count in.</summary>
    public const string TimeZone = "sales.time-zone";

    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The kernel's language setting: the tenant's, for a user who chose none himself.</summary>
    public const string KernelCulture = "crm.ui.culture";

    public const int MaxReasonLength = 100;

    public static IReadOnlyList<string> Reasons(string? setting) =>
        [.. (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

internal sealed class SalesSettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(SalesSettings.Currency, SettingType.String, "CNY", "Currency of new deals", "新商机币种")
        {
            Validator = v => v.Length == 3 && v.All(char.IsAsciiLetterUpper) ? null : "Give an ISO 4217 code of three capital letters, e.g. CNY.",
        });
        context.Add(new SettingDefinition(SalesSettings.WonReasons, SettingType.String, "Price; Solution fit; Relationship; Service; Timing", "Reasons a deal is won (separated by ;)", "赢单原因（以 ; 分隔）")
        {
            Validator = ReasonsValidator,
        });
        context.Add(new SettingDefinition(SalesSettings.LostReasons, SettingType.String, "Price; Competitor; No budget; No decision; Timing; Lost contact", "Reasons a deal is lost (separated by ;)", "输单原因（以 ; 分隔）")
        {
            Validator = ReasonsValidator,
        });
        context.Add(new SettingDefinition(SalesSettings.TimeZone, SettingType.String, SalesSettings.DefaultTimeZone, "Time zone of the sales weeks, months and quarters", "销售周、月、季度所在时区")
        {
            Validator = v => TimeZoneInfo.TryFindSystemTimeZoneById(v, out _) ? null : "Give an IANA time zone, e.g. Asia/Shanghai.",
        });
    }

    private static string? ReasonsValidator(string value) =>
        SalesSettings.Reasons(value) is { Count: > 0 } reasons && reasons.All(r => r.Length <= SalesSettings.MaxReasonLength)
            ? null
            : $"Give at least one reason of at most {SalesSettings.MaxReasonLength} characters, separated by ;.";
}
