using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Tickets;

public sealed class TicketPagesTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Should_open_a_walk_in_ticket_registering_the_unknown_contact_as_a_customer()
    {
        var (_, client) = await host.TenantAsync();

        var page = await client.SubmitAndFollowAsync("/service/tickets/new", "/service/tickets",
            ("Subject", "Kettle broken"), ("Body", "Bought last week, does not heat."), ("ContactName", "王小明"), ("ContactPhone", "13900139000"),
            ("RegisterCustomer", "true"));

        page.ShouldContain("Ticket #1 opened.");
        page.ShouldContain("Bought last week, does not heat.");
        page.ShouldMatch("id=\"customer-link\"><strong>王小明</strong>");
        var queue = await client.GetStringAsync("/service");
        queue.ShouldContain("data-ticket=\"1\"");
    }

    [Fact]
    public async Task Should_show_the_refused_form_with_the_type_fields_at_fault_in_chinese_and_open_nothing()
    {
        var (_, client) = await host.TenantAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.SubmitAsync("/service/tickets/new?type=phone-order", "/service/tickets",
            ("Subject", ""), ("ContactName", "Zhang"), ("fields.quantity", "many"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("请为工单填写 1 到 200 个字符的主题。");
        page.ShouldContain("数量须为数字。");
        page.ShouldContain("请填写送货地址。");
        (await client.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_offer_the_likely_duplicate_when_the_contact_is_already_a_customer()
    {
        var (_, client) = await host.TenantAsync();
        (await client.PostAsJsonAsync("/api/service/contacts", new { displayName = "Chen Jie", phone = "13700137000" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await client.SubmitRefusedAsync("/service/tickets/new", "/service/tickets",
            ("Subject", "Where is my order"), ("ContactName", "Chen J."), ("ContactPhone", "137 0013 7000"), ("RegisterCustomer", "true"));

        page.ShouldContain("id=\"duplicates\"");
        page.ShouldContain("Chen Jie");
        (await client.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_reply_add_a_note_and_change_the_status_from_the_ticket_page()
    {
        var (_, client) = await host.TenantAsync();
        var ticket = await TicketsApiTests.OpenAsync(client);
        var url = $"/service/tickets/{ticket.Id}";

        var replied = await client.SubmitAndFollowAsync(url, $"{url}/post", ("body", "We will call you back."), ("kind", "reply"), ("status", "PendingCustomer"));
        var noted = await client.SubmitAndFollowAsync(url, $"{url}/post", ("body", "Customer sounded upset."), ("kind", "note"), ("status", "PendingCustomer"));
        var resolved = await client.SubmitAndFollowAsync(url, $"{url}/status", ("status", "Resolved"));

        replied.ShouldContain("Reply sent.");
        noted.ShouldContain("data-entry=\"Note\"");
        resolved.ShouldContain("data-status=\"Resolved\"");
        resolved.ShouldContain("data-change=\"status\"");
    }

    [Fact]
    public async Task Should_refuse_a_form_sent_from_an_older_version_of_the_ticket()
    {
        var (_, client) = await host.TenantAsync();
        var ticket = await TicketsApiTests.OpenAsync(client);
        var url = $"/service/tickets/{ticket.Id}";
        var stale = await client.GetStringAsync(url);
        (await client.PostAsJsonAsync($"/api/service/tickets/{ticket.Id}/notes", new { body = "meanwhile", version = ticket.Version })).EnsureSuccessStatusCode();

        var response = await client.SubmitHtmlAsync(stale, $"{url}/status", ("status", "Closed"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this ticket meanwhile");
    }
}
