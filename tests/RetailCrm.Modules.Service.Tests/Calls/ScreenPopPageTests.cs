using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Calls;

public sealed class ScreenPopPageTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Every_page_of_an_agent_loads_the_screen_pop_script_in_the_agent_language()
    {
        var (_, admin) = await host.TenantAsync();

        var home = await admin.GetStringAsync("/");
        var script = await admin.GetAsync("/service/assets/screen-pop.js?lang=en");

        home.ShouldContain("<script src=\"/service/assets/screen-pop.js?lang=en\" defer></script>");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        var text = await script.Content.ReadAsStringAsync();
        text.ShouldContain("new EventSource(\"/api/service/cti/stream\")");
        text.ShouldContain("title: \"Incoming call\"");
    }

    [Fact]
    public async Task The_script_registers_an_unknown_caller_through_the_contacts_api_with_the_duplicate_check()
    {
        var (_, admin) = await host.TenantAsync();
        var script = await admin.GetStringAsync("/service/assets/screen-pop.js?lang=en");

        var created = await admin.PostAsJsonAsync("/api/service/contacts", new { displayName = "Sun Li", phone = "13600136000" });
        var twin = await admin.PostAsJsonAsync("/api/service/contacts", new { displayName = "Sun Li", phone = "136 0013 6000" });

        script.ShouldContain("fetch(\"/api/service/contacts\"");
        script.ShouldContain("answer.id");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        twin.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_calls_page_lists_the_calls_and_the_ticket_page_shows_its_linked_call()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        var call = await (await pbx.PostAsync("/api/service/cti/calls", new { callId = "page-1", @event = "ringing", from = "13600136001" })).Content.ReadFromJsonAsync<JsonElement>();
        var ticket = await (await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Asked for opening hours", channel = "Phone", contactPhone = "13600136001" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var linked = await admin.PutAsJsonAsync($"/api/service/calls/{call.GetProperty("id").GetGuid()}/ticket", new { ticketId = ticket.GetProperty("id").GetGuid() });
        var page = await admin.GetStringAsync("/service/calls?number=136001");

        linked.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("data-call=\"page-1\"");
        page.ShouldContain($"/service/tickets/{ticket.GetProperty("id").GetGuid()}");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/service/calls?ticketId={ticket.GetProperty("id").GetGuid()}")).GetProperty("total").GetInt32().ShouldBe(1);
        var ticketPage = await admin.GetStringAsync($"/service/tickets/{ticket.GetProperty("id").GetGuid()}");
        ticketPage.ShouldContain("data-panel=\"calls\"");
        ticketPage.ShouldContain("data-call=\"page-1\"");
    }
}
