using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Modules.Service.Tests.Calls;

namespace RetailCrm.Modules.Service.Tests.Channels;

/// <summary>
/// The host with the http-sms plugin installed (plugins/RetailCrm.Plugins.HttpSms) and its outgoing-messages job every
/// 200 ms; a real HTTP listener stands in for the vendor's gateway and checks each request's signature.
/// </summary>
public sealed class HttpSmsHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, Path.Combine(AppContext.BaseDirectory, "plugins"), settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
    });

    public void Dispose() => Factory.Dispose();
}

public sealed class HttpSmsPluginTests(HttpSmsHost host) : IClassFixture<HttpSmsHost>
{
    private const string Secret = "gateway-secret-1";

    [Fact]
    public async Task A_reply_on_an_sms_ticket_reaches_the_gateway_signed_and_is_sent()
    {
        using var gateway = new FakeGateway(HttpStatusCode.OK, """{"messageId":"vendor-42"}""");
        var (tenant, admin) = await TenantWithGatewayAsync(gateway.Url);
        var ticketId = await SmsTicketAsync(tenant, admin, "13900139101");

        await ReplyAsync(admin, ticketId, "Yes, 10:00 to 18:00.");

        var received = await gateway.NextAsync();
        received.Signed.ShouldBeTrue();
        received.Body.GetProperty("to").GetString().ShouldBe("+8613900139101");
        received.Body.GetProperty("sender").GetString().ShouldBe("Shop");
        received.Body.GetProperty("text").GetString()!.ShouldContain("Yes, 10:00 to 18:00.");
        var sent = await MessageAsync(tenant, m => m.Status == OutgoingMessageStatus.Sent);
        (sent.Channel, sent.TransportId).ShouldBe(("sms", "vendor-42"));
        received.Body.GetProperty("id").GetGuid().ShouldBe(sent.Id);
    }

    [Fact]
    public async Task A_gateway_that_refuses_the_number_fails_the_sms_with_its_answer_and_no_gateway_fails_it_as_not_set_up()
    {
        using var gateway = new FakeGateway(HttpStatusCode.BadRequest, """{"error":"invalid number"}""");
        var (tenant, admin) = await TenantWithGatewayAsync(gateway.Url);
        await ReplyAsync(admin, await SmsTicketAsync(tenant, admin, "13900139102"), "We are on it.");
        (await gateway.NextAsync()).Signed.ShouldBeTrue();
        var failed = await MessageAsync(tenant, m => m.Status == OutgoingMessageStatus.Failed);
        (failed.Failure, failed.Attempts).ShouldBe((OutgoingFailure.Rejected, 1));
        failed.Reason!.ShouldContain("400");
        failed.Reason!.ShouldContain("invalid number");

        var (other, otherAdmin) = await host.TenantAsync();
        await ReplyAsync(otherAdmin, await SmsTicketAsync(other, otherAdmin, "13900139103"), "Hello.");
        var unset = await MessageAsync(other, m => m.Status == OutgoingMessageStatus.Failed);
        unset.Reason!.ShouldContain("http-sms.url");
    }

    [Fact]
    public async Task A_gateway_url_that_is_not_http_is_refused_at_the_setting()
    {
        var (_, admin) = await host.TenantAsync();
        var response = await admin.PutAsJsonAsync("/api/admin/settings/http-sms.url", new { value = "ftp://gateway", scope = "Tenant" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("http(s)");
    }

    private async Task<(string Tenant, HttpClient Admin)> TenantWithGatewayAsync(string url)
    {
        var (tenant, admin) = await host.TenantAsync();
        foreach (var (name, value) in new[] { ("http-sms.url", url), ("http-sms.secret", Secret), ("http-sms.sender", "Shop") })
        {
            var set = await admin.PutAsJsonAsync($"/api/admin/settings/{name}", new { value, scope = "Tenant" });
            set.IsSuccessStatusCode.ShouldBeTrue(await set.Content.ReadAsStringAsync());
        }

        return (tenant, admin);
    }

    private async Task<Guid> SmsTicketAsync(string tenant, HttpClient admin, string from)
    {
        var inbound = await SignedWebhook.SetUpAsync(host.Factory, tenant, admin, "sms");
        var opened = await inbound.PostAsync("/api/service/sms/inbound", new { from, text = "Is the shop open on Sunday?" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetGuid();
    }

    private static async Task ReplyAsync(HttpClient admin, Guid ticketId, string body)
    {
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticketId}")).GetProperty("ticket").GetProperty("version").GetInt32();
        (await admin.PostAsJsonAsync($"/api/service/tickets/{ticketId}/replies", new { body, version })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private async Task<OutgoingMessageDto> MessageAsync(string tenant, Func<OutgoingMessageDto, bool> done)
    {
        OutgoingMessageDto? found = null;
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            var messages = await host.Factory.InTenantAsync(tenant, services =>
                services.GetRequiredService<IOutgoingMessageAdministration>().ListAsync(null, 10, CancellationToken.None));
            found = messages.FirstOrDefault(m => m.Channel == "sms" && done(m));
            return found is not null;
        }, "the SMS handled by the job");
        return found!;
    }

    /// <summary>An SMS vendor's gateway on a free local port: answers every request the same and keeps what came, with whether its signature held.</summary>
    private sealed class FakeGateway : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly BlockingCollection<(JsonElement Body, bool Signed)> _received = [];

        public FakeGateway(HttpStatusCode status, string answer)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/sms/send";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/sms/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    using var copy = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(copy);
                    var body = copy.ToArray();
                    var timestamp = context.Request.Headers["X-Timestamp"] ?? "";
                    var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray()));
                    _received.Add((JsonDocument.Parse(body).RootElement.Clone(), context.Request.Headers["X-Signature"] == expected));
                    context.Response.StatusCode = (int)status;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer));
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public Task<(JsonElement Body, bool Signed)> NextAsync() =>
            Task.Run(() => _received.TryTake(out var item, TimeSpan.FromSeconds(30)) ? item : throw new TimeoutException("No SMS reached the gateway within 30 s."));

        public void Dispose()
        {
            _listener.Close();
            _received.Dispose();
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}

internal static class HttpSmsHostExtensions
{
    public static async Task<(string Name, HttpClient Client)> TenantAsync(this HttpSmsHost host)
    {
        var name = Names.Tenant("sms");
        return (name, await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), name));
    }
}
