using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Signs till requests the way a POS vendor must: HMAC-SHA256 over method, path, timestamp, nonce and the body's SHA-256.</summary>
internal sealed class PosSigner(HttpClient client, Guid terminalId, string secret)
{
    public Guid TerminalId { get; } = terminalId;

    /// <summary>The same terminal calling through another host name (the till's configured server address).</summary>
    public PosSigner At(CrmHostFactory factory, string host) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}") }), TerminalId, secret);

    public static string Sign(string secret, string method, string path, string timestamp, string nonce, byte[] body)
    {
        var canonical = $"{method}\n{path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null, string? nonce = null, DateTimeOffset? at = null, string? signature = null) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web), idempotencyKey, nonce, at, signature);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, string? idempotencyKey, string? nonce = null, DateTimeOffset? at = null, string? signature = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new("application/json");
        }

        request.Headers.Add("X-Terminal-Id", TerminalId.ToString());
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature ?? Sign(secret, method.Method, path, timestamp, nonce, body ?? []));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Registers a terminal of the admin's tenant and returns a signer on an anonymous client.</summary>
    public static async Task<PosSigner> RegisterAsync(CrmHostFactory factory, HttpClient admin, string storeCode = "S002")
    {
        var response = await admin.PostAsJsonAsync("/api/cards/terminals", new { storeCode, name = "Till 1" });
        var terminal = await CardTestKit.OkAsync(response);
        return new PosSigner(factory.CreateClient(), terminal.GetProperty("id").GetGuid(), terminal.GetProperty("secret").GetString()!);
    }
}
