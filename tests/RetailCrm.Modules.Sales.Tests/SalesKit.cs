using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>The calls the sales tests make over HTTP, each checked for its status.</summary>
internal static class SalesKit
{
    public const string Problems = "https://retailcrm.dev/problems/";

    public static async Task<JsonElement> PipelineAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement[]>("/api/sales/pipelines"))!.Single(p => p.GetProperty("isDefault").GetBoolean());

    public static Guid StageId(JsonElement pipeline, string key) =>
        pipeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("id").GetGuid();

    /// <summary>A deal for a prospect registered on the spot, with one line of 2 × 1,000.00 less 10 %.</summary>
    public static async Task<JsonElement> OpenDealAsync(HttpClient seller, string prospect = "Wang Fang", string? phone = null)
    {
        var response = await seller.PostAsJsonAsync("/api/sales/opportunities", new
        {
            title = "Spring campaign ads",
            prospect = new { displayName = prospect, phone = phone ?? Phone(), email = (string?)null },
            lines = new[] { new { description = "Full-page ad", quantity = 2m, unitPrice = 100_000L, discountPercent = 10m } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, JsonElement deal) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}")).GetProperty("opportunity");

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, JsonElement deal, Guid stageId) =>
        client.PostAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/move", new { version = deal.GetProperty("version").GetInt32(), stageId });

    /// <summary>Moves and answers the deal after the move; the move must be done (200).</summary>
    public static async Task<JsonElement> MovedAsync(HttpClient client, JsonElement deal, Guid stageId)
    {
        var response = await MoveAsync(client, deal, stageId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("opportunity");
    }

    public static async Task LogAsync(HttpClient client, JsonElement deal, string kind, string subject)
    {
        var response = await client.PostAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/activities", new { kind, subject, outcome = "Went well", nextStep = "Follow up" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> DescribeAsync(HttpClient client, JsonElement deal, object facts)
    {
        var body = JsonSerializer.SerializeToElement(facts, JsonSerializerOptions.Web);
        var merged = new Dictionary<string, object?> { ["version"] = deal.GetProperty("version").GetInt32(), ["title"] = deal.GetProperty("title").GetString() };
        foreach (var property in body.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        var response = await client.PutAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}", merged);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task AttachAsync(HttpClient client, JsonElement deal, string tag, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 proposal"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(tag), "tag");
        var response = await client.PostAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/attachments", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Walks an open deal from the first stage to "propose", doing each stage's work before leaving it.</summary>
    public static async Task<JsonElement> WalkToProposeAsync(HttpClient seller, JsonElement pipeline, JsonElement deal)
    {
        await LogAsync(seller, deal, "visit", "First visit at the head office");
        deal = await MovedAsync(seller, deal, StageId(pipeline, "visit"));
        deal = await MovedAsync(seller, deal, StageId(pipeline, "build-trust"));
        await LogAsync(seller, deal, "meeting", "Lunch with the marketing director");
        deal = await MovedAsync(seller, deal, StageId(pipeline, "dig-needs"));
        deal = await DescribeAsync(seller, deal, new { needs = "Reach 20,000 members before May" });
        deal = await MovedAsync(seller, deal, StageId(pipeline, "work-out-solution"));
        deal = await DescribeAsync(seller, deal, new { needs = "Reach 20,000 members before May", solution = "Two full pages and a mailing" });
        deal = await MovedAsync(seller, deal, StageId(pipeline, "propose"));
        return deal;
    }

    /// <summary>Walks an open deal through the gate (the supervisor approves the move to "sign") and wins it; answers the won deal.</summary>
    public static async Task<JsonElement> WinThroughGateAsync(SalesTeam team, JsonElement pipeline, JsonElement deal, string closeDate = "2026-12-31")
    {
        deal = await WalkToProposeAsync(team.Seller, pipeline, deal);
        await AttachAsync(team.Seller, deal, "proposal", "proposal.pdf");
        deal = await DescribeAsync(team.Seller, deal, new { needs = "n", solution = "s", expectedCloseDate = closeDate });
        var asked = await MoveAsync(team.Seller, deal, StageId(pipeline, "sign"));
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var request = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetGuid();
        var approved = await team.Supervisor.PostAsJsonAsync($"/api/sales/approvals/{request}", new { approve = true });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        deal = await GetAsync(team.Seller, deal);
        var won = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/win", new { version = deal.GetProperty("version").GetInt32(), reason = "Price" });
        won.StatusCode.ShouldBe(HttpStatusCode.OK, await won.Content.ReadAsStringAsync());
        return await won.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Phone() => "+86138" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
