using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>The tenant's windows, weights and segment map: bad input is refused with the field at fault and changes nothing.</summary>
public sealed class SettingsTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_refuse_a_window_that_ends_before_it_starts()
    {
        var (_, client) = await host.TenantAsync();
        var problem = await RefusedAsync(client, new { windowStart = "2026-06-01", windowEnd = "2026-01-31" });
        problem.GetProperty("errors").GetProperty("windowEnd")[0].GetString()!.ShouldContain("before it starts");
    }

    [Fact]
    public async Task Should_refuse_weights_that_are_not_numbers()
    {
        var (_, client) = await host.TenantAsync();
        var response = await client.PutAsync("/api/analysis/settings", new StringContent("""{ "recencyWeight": "heavy" }""", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(name => name.Contains("recencyWeight", StringComparison.OrdinalIgnoreCase), problem.ToString());

        var both = await RefusedAsync(client, new { frequencyWeight = 0, monetaryWeight = 0 });
        both.GetProperty("errors").TryGetProperty("frequencyWeight", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_refuse_a_segment_map_with_overlapping_or_missing_cells()
    {
        var (_, client) = await host.TenantAsync();
        var overlapping = await RefusedAsync(client, new
        {
            segmentMap = new object[]
            {
                new { segment = "Champions", recencyFrom = 1, recencyTo = 5, fmFrom = 1, fmTo = 5 },
                new { segment = "Lost", recencyFrom = 1, recencyTo = 1, fmFrom = 1, fmTo = 1 },
            },
        });
        overlapping.GetProperty("errors").GetProperty("segmentMap")[0].GetString()!.ShouldContain("R1 FM1 is in 2 rules");

        var missing = await RefusedAsync(client, new { segmentMap = new object[] { new { segment = "Champions", recencyFrom = 2, recencyTo = 5, fmFrom = 1, fmTo = 5 } } });
        missing.GetProperty("errors").GetProperty("segmentMap")[0].GetString()!.ShouldContain("R1 FM1 has no segment");

        var settings = await client.GetFromJsonAsync<JsonElement>("/api/analysis/settings");
        settings.GetProperty("segmentMap").GetArrayLength().ShouldBe(16, "the refused maps changed nothing: the default map stays");
    }

    [Fact]
    public async Task Should_save_a_changed_map_and_window_and_use_them_in_the_next_recompute()
    {
        var (name, client) = await host.TenantAsync();
        var response = await client.PutAsJsonAsync("/api/analysis/settings", new
        {
            windowDays = 90,
            dormantDays = 60,
            segmentMap = new object[]
            {
                new { segment = "Champions", recencyFrom = 4, recencyTo = 5, fmFrom = 1, fmTo = 5 },
                new { segment = "Lost", recencyFrom = 1, recencyTo = 3, fmFrom = 1, fmTo = 5 },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var customer = await Shop.CustomerAsync(client, "Window Test", "13912340000");
        await Shop.PurchaseAsync(client, customer, "W-1", DateTime.UtcNow.AddDays(-10), 10_000);
        await Shop.PurchaseAsync(client, customer, "W-2", DateTime.UtcNow.AddDays(-120), 10_000);
        await host.PurchasesArrivedAsync(name, 2);
        var run = await Shop.RecomputeAsync(client);
        (run.GetProperty("windowEnd").GetDateTime() - run.GetProperty("windowStart").GetDateTime()).TotalDays.ShouldBe(90);

        var segments = await Shop.SegmentsAsync(client);
        (segments["Champions"] + segments["Lost"]).ShouldBe(1, "only the two segments of the saved map are used");
        var scored = await Shop.CustomersAsync(client, "");
        scored.GetProperty("items")[0].GetProperty("frequency").GetInt32().ShouldBe(1, "the purchase 120 days ago is outside the 90-day window");
    }

    private static async Task<JsonElement> RefusedAsync(HttpClient client, object body)
    {
        var response = await client.PutAsJsonAsync("/api/analysis/settings", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
