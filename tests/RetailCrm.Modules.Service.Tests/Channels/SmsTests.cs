using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Modules.Service.Tests.Calls;

namespace RetailCrm.Modules.Service.Tests.Channels;

public sealed class SmsTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Inbound = "/api/service/sms/inbound";

    [Fact]
    public async Task An_sms_opens_a_ticket_for_the_customer_then_threads_into_it()
    {
        var (tenant, admin) = await host.TenantAsync();
        var gateway = await SignedWebhook.SetUpAsync(host, tenant, admin, "sms");
        var customer = await ScreenPopTests.CustomerAsync(admin, "Wang Fang", "13800138002");

        var first = await gateway.PostAsync(Inbound, new { from = "138 0013 8002", text = "My card was charged twice.", messageId = "sms-1" });
        var second = await gateway.PostAsync(Inbound, new { from = "+8613800138002", text = "Any news?", messageId = "sms-2" });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticketId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetGuid();
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetGuid().ShouldBe(ticketId);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticketId}");
        details.GetProperty("ticket").GetProperty("channel").GetString().ShouldBe("Sms");
        details.GetProperty("ticket").GetProperty("customerId").GetGuid().ShouldBe(customer);
        details.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("body").GetString()).ShouldBe(["My card was charged twice.", "Any news?"]);
    }

    [Fact]
    public async Task An_sms_after_the_ticket_was_resolved_opens_a_new_one()
    {
        var (tenant, admin) = await host.TenantAsync();
        var gateway = await SignedWebhook.SetUpAsync(host, tenant, admin, "sms");
        var first = await (await gateway.PostAsync(Inbound, new { from = "13900139001", text = "Where is my order?" })).Content.ReadFromJsonAsync<JsonElement>();
        var ticketId = first.GetProperty("ticketId").GetGuid();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticketId}")).GetProperty("ticket").GetProperty("version").GetInt32();
        (await admin.PutAsJsonAsync($"/api/service/tickets/{ticketId}/status", new { status = "Resolved", version })).EnsureSuccessStatusCode();

        var again = await gateway.PostAsync(Inbound, new { from = "13900139001", text = "Another question." });

        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetGuid().ShouldNotBe(ticketId);
    }

    [Fact]
    public async Task A_reply_on_an_sms_ticket_is_queued_as_an_sms_to_the_number()
    {
        var (tenant, admin) = await host.TenantAsync();
        var gateway = await SignedWebhook.SetUpAsync(host, tenant, admin, "sms");
        var opened = await (await gateway.PostAsync(Inbound, new { from = "13900139002", text = "Is the shop open on Sunday?" })).Content.ReadFromJsonAsync<JsonElement>();
        var ticketId = opened.GetProperty("ticketId").GetGuid();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticketId}")).GetProperty("ticket").GetProperty("version").GetInt32();

        (await admin.PostAsJsonAsync($"/api/service/tickets/{ticketId}/replies", new { body = "Yes, 10:00 to 18:00.", version })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var queued = await host.Factory.InTenantAsync(tenant, services =>
            services.GetRequiredService<IOutgoingMessageAdministration>().ListAsync(null, 10, CancellationToken.None));
        var sms = queued.ShouldHaveSingleItem();
        sms.Channel.ShouldBe("sms");
        sms.To.ShouldBe("+8613900139002");
        sms.TemplateKey.ShouldBe("service.sms-reply");
    }

    [Fact]
    public async Task An_sms_signed_with_the_pbx_secret_is_refused()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        (await admin.PostAsync("/api/service/channels/sms/secret", null)).EnsureSuccessStatusCode();

        var response = await pbx.PostAsync(Inbound, new { from = "13900139003", text = "Hello" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
