using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Tenants, members, products and cards over the real HTTP API.</summary>
internal static class CardTestKit
{
    /// <summary>A fresh tenant with members and cards, and a client signed in as its administrator.</summary>
    public static async Task<(string Tenant, HttpClient Client)> TenantAsync(CrmHostFactory factory, string prefix)
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var name = Names.Tenant(prefix);
        return (name, await factory.CreateTenantAsync(hostAdmin, name, "members", "cards"));
    }

    /// <summary>Adds a store under the tenant's head office (HQ) through the admin API; returns its code.</summary>
    public static async Task<string> StoreAsync(HttpClient client, string code, string? name = null)
    {
        var units = await client.GetFromJsonAsync<JsonElement>("/api/admin/organization-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "HQ").GetProperty("id").GetGuid();
        await OkAsync(await client.PostAsJsonAsync("/api/admin/organization-units", new { parentId = hq, name = name ?? "Store " + code, code, kind = "Store" }));
        return code;
    }

    public static async Task<string> MemberAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new
        {
            customer = new { kind = "Person", displayName = name },
            keepDespiteDuplicates = true,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public static object Product(string code, string prefix = "8866", bool pin = false, int pointsPerUnit = 1, long maxBalance = 1_000_000, long maxTopUp = 500_000, long minTopUp = 100, string kind = "StoredValue") => new
    {
        code,
        name = "Product " + code,
        kind,
        currency = "CNY",
        numberPrefix = prefix,
        numberLength = 16,
        validityMonths = 24,
        fee = 1_000,
        deposit = 2_000,
        discountPercent = 5,
        pointsPerUnit,
        pointsUnitAmount = 100,
        pointsRounding = "Down",
        minTopUp,
        maxTopUp,
        maxBalance,
        pinRequired = pin,
        pinMaxAttempts = 3,
    };

    public static async Task<JsonElement> CreateProductAsync(HttpClient client, object product)
    {
        var response = await client.PostAsJsonAsync("/api/cards/products", product);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string[]> StockAsync(HttpClient client, JsonElement product, int quantity = 1)
    {
        var response = await client.PostAsJsonAsync("/api/cards/cards", new { productId = product.GetProperty("id").GetGuid(), quantity });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToArray();
    }

    /// <summary>A product, a member and one activated card with the given first top-up.</summary>
    public static async Task<(string Number, string MemberCode, JsonElement Product)> ActiveCardAsync(HttpClient client, long initialTopUp, bool pin = false, string code = "SV", string prefix = "8866")
    {
        var product = await CreateProductAsync(client, Product(code, prefix, pin));
        var member = await MemberAsync(client, "王芳");
        var number = (await StockAsync(client, product))[0];
        var response = await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = member, initialTopUp, pin = pin ? "2468" : null, storeCode = "S001" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (number, member, product);
    }

    public static Task<HttpResponseMessage> PayAsync(HttpClient client, string number, long amount, string? pin = null, string receipt = "R") =>
        client.PostAsJsonAsync($"/api/cards/cards/{number}/payments", new { amount, receiptId = receipt, pin, storeCode = "S002" });

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.Created)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("type").GetString()!.ShouldEndWith("/" + type);
        return problem;
    }

    public static Task<JsonElement> CardAsync(HttpClient client, string number) => client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}");

    /// <summary>The card's balance and points equal the sums of its ledger, and the tenant's ledger check finds nothing.</summary>
    public static async Task<JsonElement> ShouldBalanceAsync(HttpClient client, string number)
    {
        var card = await CardAsync(client, number);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger");
        card.GetProperty("balance").GetInt64().ShouldBe(ledger.EnumerateArray().Sum(e => e.GetProperty("amount").GetInt64()), "balance vs ledger");
        card.GetProperty("points").GetInt64().ShouldBe(ledger.EnumerateArray().Sum(e => e.GetProperty("points").GetInt64()), "points vs ledger");
        var check = await OkAsync(await client.PostAsync("/api/cards/ledger-check", null), HttpStatusCode.OK);
        check.GetProperty("differences").GetArrayLength().ShouldBe(0, check.ToString());
        return card;
    }
}
