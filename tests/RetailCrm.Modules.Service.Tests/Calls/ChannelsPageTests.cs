using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Modules.Service.Tests.Calls;

public sealed partial class ChannelsPageTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task An_admin_makes_the_pbx_secret_on_the_page_and_the_pbx_signs_with_it()
    {
        var (tenant, admin) = await host.TenantAsync();

        var answer = await admin.SubmitAsync("/service/channels", "/service/channels/pbx/secret");
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        var secret = SecretPattern().Match(html).Groups["secret"].Value;
        var pbx = new SignedWebhook(host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test") }), secret);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        secret.Length.ShouldBeGreaterThan(20);
        (await pbx.PostAsync("/api/service/cti/calls", new { callId = "page-secret", @event = "ringing", from = "13500135000" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync("/service/channels")).ShouldNotContain(secret);
    }

    [Fact]
    public async Task An_admin_gives_an_agent_an_extension_and_a_taken_one_is_refused_at_the_field()
    {
        var (_, admin) = await host.TenantAsync();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var me = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();
        var other = await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "agent3", displayName = "Agent Three", password = "Agent-Passw0rd!", roles = Array.Empty<string>() }))
            .Content.ReadFromJsonAsync<JsonElement>();

        await admin.SubmitAndFollowAsync("/service/channels", $"/service/channels/extensions/{me}", ("extension", "805"));
        var refused = await admin.SubmitRefusedAsync("/service/channels", $"/service/channels/extensions/{other.GetProperty("id").GetGuid()}", ("extension", "805"));

        (await admin.GetFromJsonAsync<JsonElement>("/api/service/channels/extensions")).EnumerateArray().ShouldHaveSingleItem().GetProperty("extension").GetString().ShouldBe("805");
        refused.ShouldContain("field-error");
    }

    [GeneratedRegex("<code>(?<secret>[^<]+)</code>")]
    private static partial Regex SecretPattern();
}
