using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application;

/// <summary>The settings of the service module.</summary>
internal static class ServiceSettings
{
    /// <summary>Days after closing within which a customer's answer opens the ticket again (later: a new ticket).</summary>
    public const string ReopenDays = "service.reopen-days";
}

internal sealed class ServiceSettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(ServiceSettings.ReopenDays, SettingType.Int, "7", "Days a closed ticket re-opens on a customer's answer", "已关闭工单在顾客回复时可重新打开的天数")
        {
            Validator = v => int.TryParse(v, out var days) && days is >= 0 and <= 365 ? null : "Give 0 to 365 days.",
        });
    }
}
