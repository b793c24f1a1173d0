using RetailCrm.Sdk.Settings;

namespace RetailCrm.Plugins.HttpSms;

/// <summary>Per tenant: where the gateway is, the secret it checks the signature with, and the sender name.</summary>
internal sealed class HttpSmsSettings : ISettingDefinitionProvider
{
    public const string Url = "http-sms.url";
    public const string Secret = "http-sms.secret";
    public const string Sender = "http-sms.sender";

    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(Url, SettingType.String, null, "SMS gateway URL (https://...)", "短信网关地址（https://...）") { Validator = CheckUrl });
        context.Add(new SettingDefinition(Secret, SettingType.String, null, "SMS gateway secret", "短信网关密钥") { IsSecret = true });
        context.Add(new SettingDefinition(Sender, SettingType.String, null, "SMS sender name", "短信发送方名称"));
    }

    private static string? CheckUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "The gateway URL must be an absolute http(s) address.";
}
