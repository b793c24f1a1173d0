using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>A segment or list becomes an action through the other modules: a tag on members, a call list on service, a greeting that respects marketing consent.</summary>
public sealed class ActionTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_tag_a_segment_make_its_call_list_and_greet_only_those_who_agree()
    {
        var (name, client) = await host.TenantAsync();
        var (heavy, light) = await Shop.TwoYearsAsync(client, DateTime.UtcNow, "act");
        await host.PurchasesArrivedAsync(name, 70);
        await Shop.RecomputeAsync(client);

        // Tag: the five champions get the tag on their members record; a second time tags nobody new.
        var tagged = await client.PostAsJsonAsync("/api/analysis/actions/tag", new { customers = new { segment = "Champions" }, tag = "vip-thanks" });
        tagged.StatusCode.ShouldBe(HttpStatusCode.OK, await tagged.Content.ReadAsStringAsync());
        (await tagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tagged").GetInt32().ShouldBe(5);
        var again = await client.PostAsJsonAsync("/api/analysis/actions/tag", new { customers = new { segment = "Champions" }, tag = "vip-thanks" });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tagged").GetInt32().ShouldBe(0);
        var member = await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{heavy[0]}");
        member.ToString().ShouldContain("vip-thanks");

        // Call list: the dormant customers become a campaign of the service module, split among the agents.
        var admin = (await client.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray().First().GetProperty("id").GetGuid();
        var made = await client.PostAsJsonAsync("/api/analysis/actions/call-list", new { customers = new { dormant = true }, name = "Win them back", agentUserIds = new[] { admin } });
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var list = await made.Content.ReadFromJsonAsync<JsonElement>();
        list.GetProperty("calls").GetInt32().ShouldBe(9);
        var campaign = await client.GetFromJsonAsync<JsonElement>($"/api/service/campaigns/{list.GetProperty("campaignId").GetGuid()}");
        campaign.ToString().ShouldContain("Win them back");

        // Greeting: the light buyers with an even number agreed to marketing; only they are counted and sent to.
        var preview = await client.PostAsJsonAsync("/api/analysis/actions/greeting/preview", new { customers = new { dormant = true }, channel = "email" });
        var counts = await preview.Content.ReadFromJsonAsync<JsonElement>();
        counts.GetProperty("customers").GetInt32().ShouldBe(9);
        counts.GetProperty("consenting").GetInt32().ShouldBe(light.Skip(11).Where((_, i) => (i + 11) % 2 == 0).Count());
        using var send = new HttpRequestMessage(HttpMethod.Post, "/api/analysis/actions/greeting") { Content = JsonContent.Create(new { customers = new { dormant = true }, channel = "email" }) };
        send.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var sent = await client.SendAsync(send);
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("queued").GetInt32().ShouldBe(counts.GetProperty("reachable").GetInt32());
        result.GetProperty("withoutConsent").GetInt32().ShouldBe(9 - counts.GetProperty("consenting").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_an_action_on_an_empty_list_or_with_a_bad_tag()
    {
        var (_, client) = await host.TenantAsync();
        var empty = await client.PostAsJsonAsync("/api/analysis/actions/tag", new { customers = new { segment = "Champions" }, tag = "x" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("filter", out _).ShouldBeTrue();

        var channel = await client.PostAsJsonAsync("/api/analysis/actions/greeting/preview", new { customers = new { problem = true }, channel = "fax" });
        channel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await channel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _).ShouldBeTrue();
    }
}
