using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Members.Tests.Purchases;

/// <summary>Tenants, customers, purchases and outbox reads for the purchases, lifecycle and care tests.</summary>
internal static class PurchaseTestKit
{
    /// <summary>A fresh tenant with the members module, and a client signed in as its administrator.</summary>
    public static async Task<(string Tenant, HttpClient Client)> TenantAsync(CrmHostFactory factory, string prefix)
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var name = Names.Tenant(prefix);
        return (name, await factory.CreateTenantAsync(hostAdmin, name, "members"));
    }

    public static async Task<JsonElement> CustomerAsync(HttpClient client, string name, DateOnly? birthday = null, Guid? unitId = null, object[]? anniversaries = null)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new
        {
            customer = new { kind = "Person", displayName = name, birthday, unitId, anniversaries = anniversaries ?? [] },
            keepDespiteDuplicates = true,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetCustomerAsync(HttpClient client, JsonElement customer) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer.GetProperty("id").GetGuid()}");

    /// <summary>A receipt of two lines adding up to <paramref name="amount"/>.</summary>
    public static object Receipt(JsonElement customer, string receiptId, long amount = 12_800, DateTime? at = null, string store = "S001") => new
    {
        customerCode = customer.GetProperty("code").GetString(),
        receiptId,
        storeCode = store,
        purchasedAt = at ?? DateTime.UtcNow.AddMinutes(-5),
        amount,
        currency = "CNY",
        tender = "wechat",
        lines = new object[]
        {
            new { sku = "A-1", description = "Green tea 500g", quantity = 2m, unitPrice = amount / 4, amount = amount / 2 },
            new { sku = "B-2", description = "Tea cup", quantity = 1.5m, unitPrice = amount - (amount / 2), amount = amount - (amount / 2) },
        },
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object receipt) => client.PostAsJsonAsync("/api/members/purchases", receipt);

    public static async Task<JsonElement> RecordAsync(HttpClient client, object receipt)
    {
        var response = await PostAsync(client, receipt);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task SetSettingAsync(HttpClient client, string name, string value)
    {
        var response = await client.PutAsJsonAsync($"/api/admin/settings/{name}", new { value, scope = "Tenant" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static string[] ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();

    /// <summary>Payloads of the members outbox for an event name, in the tenant.</summary>
    public static async Task<List<string>> OutboxAsync(CrmHostFactory factory, string tenant, string eventName) =>
        (await factory.OutboxAsync(tenant, "members", eventName)).Select(m => m.Payload).ToList();
}
