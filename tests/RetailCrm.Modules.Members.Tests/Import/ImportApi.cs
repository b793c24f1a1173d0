using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RetailCrm.Modules.Members.Tests.Import;

/// <summary>The members import and customer API as a client sees it.</summary>
internal static class ImportApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string kind = "Customers")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync("/api/members/imports", form);
    }

    public static async Task<JsonNode> UploadOkAsync(HttpClient client, string fileName, byte[] content, string kind = "Customers")
    {
        var response = await UploadAsync(client, fileName, content, kind);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static async Task<JsonNode> DryRunAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/members/imports/{id}/dry-run", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static Task<HttpResponseMessage> CommitAsync(HttpClient client, string id, bool skipErrorRows = false, bool importDuplicates = false) =>
        client.PostAsJsonAsync($"/api/members/imports/{id}/commit", new { skipErrorRows, importDuplicates });

    public static async Task<JsonNode> CommitOkAsync(HttpClient client, string id, bool skipErrorRows = false, bool importDuplicates = false)
    {
        var response = await CommitAsync(client, id, skipErrorRows, importDuplicates);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>Rows of the report with the given finding (error or duplicate).</summary>
    public static SortedSet<int> Rows(JsonNode batch, string kind) =>
        new(batch["report"]!["issues"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == kind).Select(i => i!["row"]!.GetValue<int>()));

    public static async Task<JsonNode> CreateCustomerAsync(HttpClient client, object customer)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new { customer, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>Every active customer of the tenant (list items).</summary>
    public static async Task<List<JsonNode>> AllCustomersAsync(HttpClient client, string query = "")
    {
        var all = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var result = (await client.GetFromJsonAsync<JsonNode>($"/api/members/customers?pageSize=500&page={page}&sort=code{query}"))!;
            var items = result["items"]!.AsArray().Select(i => i!).ToList();
            all.AddRange(items.Select(i => i.DeepClone()));
            if (all.Count >= result["total"]!.GetValue<int>() || items.Count == 0)
            {
                return all;
            }
        }
    }

    public static byte[] Csv(IEnumerable<string[]> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => string.Join(",", r.Select(Quote)))) + "\n");

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
