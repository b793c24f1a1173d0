using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Stores, suppliers, blanks, production runs and the stock report over the real HTTP API.</summary>
internal static class StockTestKit
{
    /// <summary>A user of the store with the default store-clerk role, signed in.</summary>
    public static async Task<HttpClient> StoreClerkAsync(CrmHostFactory factory, string tenant, HttpClient admin, string store)
    {
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units");
        var storeId = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == store).GetProperty("id").GetGuid();
        await OkAsync(await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "clerk",
            displayName = "门店店员",
            password = "Clerk-Password-1",
            organizationUnitId = storeId,
            roles = new[] { "store-clerk" },
        }));
        return await factory.SignedInClientAsync($"{tenant}.test", "clerk", "Clerk-Password-1");
    }

    public static async Task<Guid> SupplierAsync(HttpClient client, string name = "Shenzhen Card Works") =>
        (await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/suppliers", new { name, contact = "李强", phone = "0755-1234567", email = "sales@cardworks.example" })))
        .GetProperty("id").GetGuid();

    /// <summary>A purchase order of blanks, placed with the supplier.</summary>
    public static async Task<Guid> OrderedPurchaseAsync(HttpClient client, JsonElement product, int quantity, Guid? supplier = null)
    {
        var order = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/purchase-orders", new
        {
            supplierId = supplier ?? await SupplierAsync(client),
            productId = Id(product),
            quantity,
            unitPrice = 150,
            expectedDate = "2026-12-15",
        }));
        var id = order.GetProperty("id").GetGuid();
        (await OkAsync(await client.PostAsync($"/api/cards/stock/purchase-orders/{id}/order", null), HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Ordered");
        return id;
    }

    public static Task<HttpResponseMessage> ReceiveAsync(HttpClient client, Guid order, int quantity, string batch = "LOT-1") =>
        client.PostAsJsonAsync($"/api/cards/stock/purchase-orders/{order}/receipts", new { quantity, batchReference = batch });

    /// <summary>Buys and receives that many blanks of the product into HQ.</summary>
    public static async Task BlanksAsync(HttpClient client, JsonElement product, int quantity)
    {
        var order = await OrderedPurchaseAsync(client, product, quantity);
        await OkAsync(await ReceiveAsync(client, order, quantity));
    }

    public static Task<HttpResponseMessage> ProduceAsync(HttpClient client, JsonElement product, int quantity) =>
        client.PostAsJsonAsync("/api/cards/stock/production", new { productId = Id(product), quantity });

    public static async Task<JsonElement> ReportAsync(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/report" + query);

    /// <summary>Cards of a product at a location in a status, by the stock report.</summary>
    public static int CountOf(JsonElement report, string? location, JsonElement product, string status) =>
        report.GetProperty("cards").EnumerateArray()
            .Where(l => (l.GetProperty("locationCode").ValueKind == JsonValueKind.Null ? null : l.GetProperty("locationCode").GetString()) == location
                && l.GetProperty("productId").GetGuid() == Id(product) && l.GetProperty("status").GetString() == status)
            .Sum(l => l.GetProperty("count").GetInt32());

    public static int Blanks(JsonElement report, string location, JsonElement product) =>
        report.GetProperty("blanks").EnumerateArray()
            .Where(l => l.GetProperty("locationCode").GetString() == location && l.GetProperty("productId").GetGuid() == Id(product))
            .Sum(l => l.GetProperty("quantity").GetInt32());

    public static async Task<string[]> NumbersAsync(HttpClient client, string location, string status) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/cards?locationCode={location}&status={status}"))
        .EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public static bool HasError(JsonElement problem, string field) => problem.GetProperty("errors").TryGetProperty(field, out _);
}
