using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>The settings of satisfaction surveys.</summary>
internal static class SurveySettings
{
    /// <summary>Days a survey link works after it was sent.</summary>
    public const string ValidDays = "service.survey-days";

    /// <summary>The address links in mails start with, e.g. <c>https://shop.example.com</c>; empty: the host the ticket was resolved on.</summary>
    public const string LinkBase = "service.survey-link-base";

    public const int DefaultValidDays = 14;
}

internal sealed class SurveySettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(SurveySettings.ValidDays, SettingType.Int, SurveySettings.DefaultValidDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Days a satisfaction survey link works", "满意度调查链接的有效天数")
        {
            Validator = v => int.TryParse(v, out var days) && days is >= 1 and <= 365 ? null : "Give 1 to 365 days.",
        });
        context.Add(new SettingDefinition(SurveySettings.LinkBase, SettingType.String, "",
            "Address survey links start with (empty: the address the ticket was resolved on)", "调查链接的网址前缀（留空：处理工单时的网址）")
        {
            Validator = v => v.Length == 0 || (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && v.Length <= 200) ? null : "Give an address like https://shop.example.com.",
        });
    }
}
