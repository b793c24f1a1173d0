using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Sla;

internal static class SlaSettings
{
    /// <summary>The IANA zone of the default business calendar.</summary>
    public const string TimeZone = "service.time-zone";

    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The kernel's language setting: the tenant's, for a supervisor who chose none himself.</summary>
    public const string KernelCulture = "crm.ui.culture";

    public static bool IsKnownZone(string? zone) =>
        !string.IsNullOrWhiteSpace(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);
}

internal sealed class SlaSettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context) =>
        context.Add(new SettingDefinition(SlaSettings.TimeZone, SettingType.String, SlaSettings.DefaultTimeZone, "Time zone of the service's business hours", "服务工作时间所在时区")
        {
            Validator = v => SlaSettings.IsKnownZone(v) ? null : "Give an IANA time zone, e.g. Asia/Shanghai.",
        });
}
