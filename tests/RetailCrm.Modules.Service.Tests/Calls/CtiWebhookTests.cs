using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Calls;

public sealed class CtiWebhookTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Calls = "/api/service/cti/calls";

    [Fact]
    public async Task Unsigned_or_badly_signed_call_events_are_refused_with_401_and_record_nothing()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        var ringing = new { callId = "c-1", @event = "ringing", from = "13800138000", to = "4008001234", extension = "801" };

        var unsigned = await pbx.Client.PostAsJsonAsync(Calls, ringing);
        var wrongKey = await pbx.PostAsync(Calls, ringing, key: "not-the-secret");
        var stale = await pbx.PostAsync(Calls, ringing, at: DateTimeOffset.UtcNow.AddMinutes(-6));

        foreach (var (response, type) in new[] { (unsigned, "signature-missing"), (wrongKey, "signature-invalid"), (stale, "timestamp-out-of-range") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith(type);
        }

        (await admin.GetFromJsonAsync<JsonElement>("/api/service/calls")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_replayed_nonce_is_refused_and_a_repeated_event_changes_nothing()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        var ringing = new { callId = "c-2", @event = "ringing", from = "13800138000" };

        var first = await pbx.PostAsync(Calls, ringing, nonce: "n-1");
        var replay = await pbx.PostAsync(Calls, ringing, nonce: "n-1");
        var repeat = await pbx.PostAsync(Calls, ringing, nonce: "n-2");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("nonce-reused");
        repeat.StatusCode.ShouldBe(HttpStatusCode.OK);
        var repeated = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        repeated.GetProperty("repeated").GetBoolean().ShouldBeTrue();
        repeated.GetProperty("id").GetGuid().ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/calls")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_ended_call_has_its_duration_and_recording()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        var start = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);

        (await pbx.PostAsync(Calls, new { callId = "c-3", @event = "ringing", from = "+86 138 0013 8000", to = "4008001234", at = start })).EnsureSuccessStatusCode();
        (await pbx.PostAsync(Calls, new { callId = "c-3", @event = "answered", at = start.AddSeconds(5) })).EnsureSuccessStatusCode();
        var ended = await pbx.PostAsync(Calls, new { callId = "c-3", @event = "ended", at = start.AddSeconds(95), recordingUrl = "https://pbx.example/rec/c-3.mp3" });

        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/service/calls?answered=true&number=13800138000");
        var call = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        call.GetProperty("durationSeconds").GetInt32().ShouldBe(90);
        call.GetProperty("fromE164").GetString().ShouldBe("+8613800138000");
        call.GetProperty("recordingUrl").GetString().ShouldBe("https://pbx.example/rec/c-3.mp3");
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/calls?answered=false")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_call_event_with_bad_fields_is_refused_at_the_field()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");

        var response = await pbx.PostAsync(Calls, new { callId = "", @event = "hung-up", recordingUrl = "ftp://x" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("callId", out _).ShouldBeTrue();
        errors.TryGetProperty("event", out _).ShouldBeTrue();
        errors.TryGetProperty("recordingUrl", out _).ShouldBeTrue();
    }
}
