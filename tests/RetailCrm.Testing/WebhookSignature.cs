using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetailCrm.Testing;

/// <summary>
/// A webhook request signed as the service module's channels (PBX, SMS gateway) expect: HMAC-SHA256 with the
/// tenant's secret over method, path, timestamp, nonce and the body's SHA-256, in X-Timestamp, X-Nonce and X-Signature.
/// </summary>
public static class WebhookSignature
{
    public static HttpRequestMessage Request(string path, string json, string secret, string? nonce = null, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var canonical = $"POST\n{path}\n{timestamp}\n{nonce}\n{bodyHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        return request;
    }
}
