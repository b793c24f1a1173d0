using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Tickets;

public sealed class TicketsApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Should_open_a_complaint_for_an_unknown_contact_and_publish_its_events()
    {
        var (tenant, client) = await host.TenantAsync();

        var response = await client.PostAsJsonAsync("/api/service/tickets", new
        {
            type = "complaint", subject = "Water arrived late", body = "Ordered for Monday, came Wednesday.", channel = "Phone",
            contactName = "Li Lei", contactPhone = "138 0013 8000",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        ticket.GetProperty("number").GetInt64().ShouldBe(1);
        ticket.GetProperty("status").GetString().ShouldBe("New");
        ticket.GetProperty("contactPhone").GetString().ShouldBe("+8613800138000");
        (await host.Factory.OutboxAsync(tenant, "service", "service.complaint-registered")).ShouldHaveSingleItem();
        (await host.Factory.OutboxAsync(tenant, "service", "service.ticket-opened")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_refuse_a_ticket_with_every_field_at_fault_and_write_nothing()
    {
        var (_, client) = await host.TenantAsync();

        var response = await client.PostAsJsonAsync("/api/service/tickets", new { type = "phone-order", subject = "", contactPhone = "12", fields = new { quantity = "many" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("subject", out _).ShouldBeTrue();
        errors.TryGetProperty("contactPhone", out _).ShouldBeTrue();
        errors.TryGetProperty("fields.quantity", out _).ShouldBeTrue();
        errors.TryGetProperty("fields.item", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_reply_then_refuse_a_change_from_an_older_version()
    {
        var (_, client) = await host.TenantAsync();
        var opened = await OpenAsync(client);

        var reply = await client.PostAsJsonAsync($"/api/service/tickets/{opened.Id}/replies", new { body = "We are on it.", version = opened.Version });
        var stale = await client.PutAsJsonAsync($"/api/service/tickets/{opened.Id}/status", new { status = "Resolved", version = opened.Version });

        reply.StatusCode.ShouldBe(HttpStatusCode.Created);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{opened.Id}");
        details.GetProperty("ticket").GetProperty("status").GetString().ShouldBe("Open");
        details.GetProperty("ticket").GetProperty("firstResponseAt").ValueKind.ShouldBe(JsonValueKind.String);
        details.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["CustomerMessage", "Reply"]);
        details.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ShouldContain("status");
    }

    [Fact]
    public async Task Should_merge_a_ticket_moving_its_conversation()
    {
        var (_, client) = await host.TenantAsync();
        var first = await OpenAsync(client);
        var second = await OpenAsync(client);

        var merged = await client.PostAsJsonAsync($"/api/service/tickets/{second.Id}/merge", new { targetId = first.Id, version = second.Version });
        var onMerged = await client.PostAsJsonAsync($"/api/service/tickets/{second.Id}/notes", new { body = "late", version = second.Version + 1 });

        merged.StatusCode.ShouldBe(HttpStatusCode.OK);
        onMerged.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var target = await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{first.Id}");
        target.GetProperty("entries").GetArrayLength().ShouldBe(2);
        var queue = await client.GetFromJsonAsync<JsonElement>("/api/service/tickets");
        queue.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_an_attachment_over_ten_megabytes_with_413()
    {
        var (_, client) = await host.TenantAsync();
        var opened = await OpenAsync(client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]), "file", "photo.png" } };
        using var small = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "receipt.pdf" } };

        var tooLarge = await client.PostAsync($"/api/service/tickets/{opened.Id}/attachments", form);
        var accepted = await client.PostAsync($"/api/service/tickets/{opened.Id}/attachments", small);

        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_find_a_ticket_by_number_and_by_a_word_of_its_subject()
    {
        var (_, client) = await host.TenantAsync();
        var opened = await OpenAsync(client, "Fridge makes noise");
        await OpenAsync(client, "Card lost");

        var byNumber = await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets?q=%23{opened.Number}");
        var byWord = await client.GetFromJsonAsync<JsonElement>("/api/service/tickets?q=fridge");

        byNumber.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(opened.Id);
        byWord.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(opened.Id);
    }

    internal static async Task<(Guid Id, long Number, int Version)> OpenAsync(HttpClient client, string subject = "Question about my card")
    {
        var response = await client.PostAsJsonAsync("/api/service/tickets", new { subject, body = "Hello", contactName = "Han Meimei", contactEmail = "han@example.com", channel = "Email" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("number").GetInt64(), ticket.GetProperty("version").GetInt32());
    }
}
