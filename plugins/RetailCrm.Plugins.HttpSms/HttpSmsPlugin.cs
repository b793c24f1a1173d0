using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Plugins.HttpSms;

/// <summary>
/// The SMS channel of the product as a plugin: every SMS a module sends (ticket replies, survey links) goes to the
/// tenant's HTTP gateway. A vendor with another API is a plugin like this one.
/// </summary>
public sealed class HttpSmsPlugin : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        context.Services.AddSingleton<ISettingDefinitionProvider, HttpSmsSettings>();
        context.Services.AddHttpClient(HttpSmsChannel.ClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        context.Services.AddScoped<INotificationChannel, HttpSmsChannel>();
    }
}
