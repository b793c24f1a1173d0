using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Members.Tests.Purchases;

/// <summary>Many sales recorded at once through the Contracts: every one or none, receipts recorded before skipped, the customer's figures and events as for one sale.</summary>
public sealed class PurchaseBatchTests(MembersHost host) : IClassFixture<MembersHost>
{
    [Fact]
    public async Task Should_record_a_batch_once_move_the_figures_and_refuse_a_bad_sale_writing_nothing()
    {
        var name = Names.Tenant("batch");
        var client = await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), name);
        var created = await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Batch Buyer", phone = "13855550000" }, keepDespiteDuplicates = true });
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var at = DateTime.UtcNow.AddDays(-3);
        Sale Sale(string receipt, long amount, DateTime when) => new(customer, receipt, when, amount, "CNY", [new SaleLine(null, "Goods", 1, amount, amount)]) { StoreCode = "SH-1" };

        var first = await Record(name, [Sale("B-1", 10_000, at.AddDays(-30)), Sale("B-2", 20_000, at), Sale("B-3", -5_000, at)]);
        first.Value.ShouldBe(3);
        var again = await Record(name, [Sale("B-2", 20_000, at), Sale("B-4", 1_000, at.AddDays(-60))]);
        again.Value.ShouldBe(1, "B-2 was recorded before");

        var refused = await Record(name, [Sale("B-5", 1_000, at), Sale("", 1_000, at)]);
        refused.IsRefused.ShouldBeTrue();
        refused.Refusal!.Fields.Select(f => f.Field).ShouldContain(f => f.StartsWith("sales[1].", StringComparison.Ordinal));

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer}");
        var json = stored.ToString();
        json.ShouldContain("\"purchaseCount\":3", customMessage: "two sales and one older one; the return is no visit; B-5 was refused with its batch");
        json.ShouldContain("\"purchaseTotal\":26000");
        (await host.Factory.OutboxAsync(name, "members", "members.purchase-recorded")).Count.ShouldBe(4);
    }

    private Task<RetailCrm.Sdk.Results.Result<int>> Record(string tenant, IReadOnlyList<Sale> sales) =>
        host.Factory.InTenantAsync(tenant, s => s.GetRequiredService<IPurchaseRecording>().RecordAllAsync(sales, "test"));
}
