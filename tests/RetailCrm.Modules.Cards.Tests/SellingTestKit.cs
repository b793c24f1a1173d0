using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Helpers of the selling tests: companies, stores, store stock, bulk sales, exchanges and jobs.</summary>
internal static class SellingTestKit
{
    /// <summary>The test kit's product with an exchange fee (fee 1 000, deposit 2 000 as in <see cref="CardTestKit.Product"/>).</summary>
    public static Dictionary<string, object?> ProductWithExchangeFee(string code, string prefix, long exchangeFee = 500, long fee = 1_000, long deposit = 2_000)
    {
        var product = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Product(code, prefix)))!;
        product["exchangeFee"] = exchangeFee;
        product["fee"] = fee;
        product["deposit"] = deposit;
        return product;
    }

    public static async Task<string> CompanyAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Organization", displayName = name }, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    /// <summary>Puts cards into a store's stock (AtStore there) as a received shipment would.</summary>
    public static Task PlaceAtStoreAsync(CrmHostFactory factory, string tenant, string storeCode, params string[] numbers) =>
        factory.InTenantAsync(tenant, services => services.GetRequiredService<CardsDbContext>().Set<Card>().Where(c => numbers.Contains(c.Number))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CardStatus.AtStore).SetProperty(c => c.LocationCode, storeCode)));

    public static Task SetExpiryAsync(CrmHostFactory factory, string tenant, string number, DateTime expiresAt) =>
        factory.InTenantAsync(tenant, services => services.GetRequiredService<CardsDbContext>().Set<Card>().Where(c => c.Number == number)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, expiresAt)));

    /// <summary>Runs one of the module's jobs inside the tenant, as the scheduler would.</summary>
    public static Task RunJobAsync(CrmHostFactory factory, string tenant, string name) =>
        factory.InTenantAsync(tenant, async services =>
        {
            var job = factory.Services.GetServices<ICrmJob>().Single(j => j.Name == name);
            await job.ExecuteAsync(services, CancellationToken.None);
            return true;
        });

    public static async Task<HttpResponseMessage> BulkSaleAsync(HttpClient client, object sale, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards/bulk-sales") { Content = JsonContent.Create(sale) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string number, object exchange) =>
        client.PostAsJsonAsync($"/api/cards/cards/{number}/exchange", exchange);

    public static async Task<JsonElement[]> LedgerAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger")).EnumerateArray().ToArray();

    public static async Task<JsonElement[]> ChargesAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/charges")).EnumerateArray().ToArray();

    public static string Kind(this JsonElement element) => element.GetProperty("kind").GetString()!;

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    /// <summary>The tenant's ledger check finds no card whose balance or points differ from its ledger.</summary>
    public static async Task LedgerCheckIsCleanAsync(HttpClient client)
    {
        var check = await OkAsync(await client.PostAsync("/api/cards/ledger-check", null), HttpStatusCode.OK);
        check.GetProperty("differences").GetArrayLength().ShouldBe(0, check.ToString());
    }
}
