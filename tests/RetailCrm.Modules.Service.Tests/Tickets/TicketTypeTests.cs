using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Tickets;

public sealed class TicketTypeTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Should_start_a_tenant_with_the_six_default_types_and_the_phone_order_fields()
    {
        var (_, client) = await host.TenantAsync();

        var types = await client.GetFromJsonAsync<JsonElement>("/api/service/ticket-types");

        types.EnumerateArray().Select(t => t.GetProperty("key").GetString()).ShouldBe(["inquiry", "complaint", "repair", "phone-order", "follow-up", "survey"]);
        types.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "phone-order").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("key").GetString()).ShouldBe(["item", "quantity", "deliveryAddress", "deliveryDate"]);
    }

    [Fact]
    public async Task Should_add_a_type_with_a_choice_field_that_its_tickets_must_fill_with_a_listed_choice()
    {
        var (_, client) = await host.TenantAsync();

        var added = await client.PostAsJsonAsync("/api/service/ticket-types", new { key = "installation", name = "Installation", nameZh = "安装" });
        var field = await client.PostAsJsonAsync("/api/service/ticket-types/installation/fields",
            new { key = "floor", label = "Floor", labelZh = "楼层", kind = "Select", required = true, options = "1, 2, 3+" });
        var refused = await client.PostAsJsonAsync("/api/service/tickets", new { type = "installation", subject = "Install a dispenser", contactName = "Li", fields = new { floor = "9" } });
        var opened = await client.PostAsJsonAsync("/api/service/tickets", new { type = "installation", subject = "Install a dispenser", contactName = "Li", fields = new { floor = "3+" } });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        field.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fields.floor", out _).ShouldBeTrue();
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").GetProperty("floor").GetString().ShouldBe("3+");
    }

    [Fact]
    public async Task Should_refuse_a_bad_key_and_a_twin_type_at_their_fields()
    {
        var (_, client) = await host.TenantAsync();

        var badKey = await client.PostAsJsonAsync("/api/service/ticket-types", new { key = "9 lives", name = "" });
        var twin = await client.PostAsJsonAsync("/api/service/ticket-types", new { key = "complaint", name = "Complaint again" });

        badKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("key", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        twin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("key", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_add_a_type_and_a_field_on_the_admin_pages()
    {
        var (_, client) = await host.TenantAsync();

        var typePage = await client.SubmitAndFollowAsync("/service/admin/types", "/service/admin/types", ("key", "delivery"), ("name", "Delivery"), ("nameZh", "配送"));
        var withField = await client.SubmitAndFollowAsync("/service/admin/types/delivery", "/service/admin/types/delivery/fields",
            ("fieldKey", "slot"), ("label", "Time slot"), ("kind", "Text"));
        var newTicket = await client.GetStringAsync("/service/tickets/new?type=delivery");

        typePage.ShouldContain("Type Delivery added.");
        withField.ShouldContain("data-field=\"slot\"");
        newTicket.ShouldContain("name=\"fields.slot\"");
    }

    [Fact]
    public async Task Should_open_the_help_of_the_queue_in_both_languages()
    {
        var (_, client) = await host.TenantAsync();

        var link = await client.GetAsync("/help?page=%2Fservice");
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/help/service/tickets"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync("/help/service/tickets"));

        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        link.Headers.Location!.OriginalString.ShouldBe("/help/service/tickets");
        english.ShouldContain(">Tickets</h1>");
        chinese.ShouldContain(">工单</h1>");
    }
}
