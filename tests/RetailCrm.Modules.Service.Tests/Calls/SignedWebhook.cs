using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailCrm.Modules.Service.Tests.Calls;

/// <summary>A PBX or SMS gateway of one tenant: signs its webhook requests as the service module expects.</summary>
public sealed class SignedWebhook(HttpClient anonymous, string secret)
{
    public static Task<SignedWebhook> SetUpAsync(ServiceHost host, string tenant, HttpClient admin, string source) => SetUpAsync(host.Factory, tenant, admin, source);

    public static async Task<SignedWebhook> SetUpAsync(CrmHostFactory factory, string tenant, HttpClient admin, string source)
    {
        var response = await admin.PostAsync($"/api/service/channels/{source}/secret", null);
        response.EnsureSuccessStatusCode();
        var secret = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test"), AllowAutoRedirect = false });
        return new SignedWebhook(client, secret);
    }

    public HttpClient Client => anonymous;

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? nonce = null, string? key = null, DateTimeOffset? at = null) =>
        anonymous.SendAsync(Request(path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), nonce ?? Guid.NewGuid().ToString("N"), key ?? secret, at ?? DateTimeOffset.UtcNow));

    public static HttpRequestMessage Request(string path, string json, string nonce, string key, DateTimeOffset at) =>
        WebhookSignature.Request(path, json, key, nonce, at);
}
