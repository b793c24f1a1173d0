using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Plugins.HttpSms;

/// <summary>
/// Sends one SMS as <c>POST {url}</c> with <c>{"id", "to", "sender", "text"}</c>, signed with the tenant's secret:
/// <c>X-Timestamp</c> (Unix seconds) and <c>X-Signature</c>, the Base64 HMAC-SHA256 of "timestamp.body". The message's
/// id is the same on every attempt, so the gateway can drop a repeat. A 2xx answer is sent (its JSON <c>messageId</c>,
/// if any, becomes the transport id); 429 and 5xx are tried again with back-off; any other answer, or a tenant
/// without a gateway, fails the message for good with the reason.
/// </summary>
internal sealed class HttpSmsChannel(IHttpClientFactory clients, ISettingProvider settings) : INotificationChannel
{
    public const string ClientName = "http-sms";

    public string Kind => "sms";

    public async Task<string?> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var url = await settings.GetAsync(HttpSmsSettings.Url, cancellationToken);
        var secret = await settings.GetAsync(HttpSmsSettings.Secret, cancellationToken);
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrEmpty(secret))
        {
            throw new NotificationRejectedException($"No SMS gateway is set up: set {HttpSmsSettings.Url} and {HttpSmsSettings.Secret}.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = message.Id,
            to = message.To,
            sender = await settings.GetAsync(HttpSmsSettings.Sender, cancellationToken),
            text = message.Text,
        }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Sign(secret, timestamp, body));

        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await TransportIdAsync(response, cancellationToken);
        }

        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = $"The SMS gateway answered {(int)response.StatusCode}: {(answer.Length > 300 ? answer[..300] : answer)}";
        throw response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
            ? new HttpRequestException(reason)
            : new NotificationRejectedException(reason);
    }

    /// <summary>The gateway's check: Base64 HMAC-SHA256 with the secret over "timestamp.body".</summary>
    public static string Sign(string secret, string timestamp, byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray()));

    private static async Task<string?> TransportIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
