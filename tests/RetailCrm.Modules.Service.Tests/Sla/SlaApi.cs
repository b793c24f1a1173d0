using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>The calls SLA and routing tests make through the API.</summary>
internal static class SlaApi
{
    public static async Task<Guid> PolicyAsync(HttpClient admin, object policy)
    {
        var response = await admin.PostAsJsonAsync("/api/service/sla/policies", policy);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> OpenAsync(HttpClient client, string subject = "Water arrived late", string channel = "Email")
    {
        var response = await client.PostAsJsonAsync("/api/service/tickets", new { subject, body = "Hello", contactName = "Han Meimei", contactEmail = "han@example.com", channel });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> TicketAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{id}")).GetProperty("ticket");

    public static async Task StatusAsync(HttpClient client, Guid id, string status)
    {
        var version = (await TicketAsync(client, id)).GetProperty("version").GetInt32();
        var response = await client.PutAsJsonAsync($"/api/service/tickets/{id}/status", new { status, version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task ReplyAsync(HttpClient client, Guid id, string? status = null)
    {
        var version = (await TicketAsync(client, id)).GetProperty("version").GetInt32();
        var response = await client.PostAsJsonAsync($"/api/service/tickets/{id}/replies", new { body = "We are on it.", version, status });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ClockAsync(HttpClient client, Guid ticket, string kind) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/service/sla/tickets/{ticket}/clocks"))
            .EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind);
}
