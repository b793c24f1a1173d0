using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
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

    public static HttpRequestMessage Request(string path, string json, string nonce, string key, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var canonical = $"POST\n{path}\n{timestamp}\n{nonce}\n{bodyHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(canonical)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        return request;
    }
}
