using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;
using static RetailCrm.Modules.Members.Tests.Purchases.PurchaseTestKit;

namespace RetailCrm.Modules.Members.Tests.Purchases;

/// <summary>The purchases API over HTTP on the real host, on SQLite and on PostgreSQL.</summary>
public abstract class PurchasesApiTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_record_a_purchase_and_update_the_customer_statistics()
    {
        var (_, client) = await TenantAsync(Factory, "buy");
        var customer = await CustomerAsync(client, "张伟");
        var first = DateTime.UtcNow.AddDays(-3);
        var earlier = DateTime.UtcNow.AddDays(-10);

        var recorded = await RecordAsync(client, Receipt(customer, "R-1", 12_800, first));
        recorded.GetProperty("receiptId").GetString().ShouldBe("R-1");
        recorded.GetProperty("customerId").GetGuid().ShouldBe(customer.GetProperty("id").GetGuid());
        recorded.GetProperty("amount").GetInt64().ShouldBe(12_800);
        recorded.GetProperty("storeCode").GetString().ShouldBe("S001");
        recorded.GetProperty("source").GetString().ShouldBe("api");
        recorded.GetProperty("lines").GetArrayLength().ShouldBe(2);
        recorded.GetProperty("lines")[1].GetProperty("quantity").GetDecimal().ShouldBe(1.5m);
        await RecordAsync(client, Receipt(customer, "R-2", 1_000, earlier));

        var stats = await GetCustomerAsync(client, customer);
        stats.GetProperty("purchaseCount").GetInt32().ShouldBe(2);
        stats.GetProperty("purchaseTotal").GetInt64().ShouldBe(13_800);
        stats.GetProperty("firstPurchaseAt").GetDateTime().ShouldBe(earlier, TimeSpan.FromMilliseconds(1));
        stats.GetProperty("lastPurchaseAt").GetDateTime().ShouldBe(first, TimeSpan.FromMilliseconds(1));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer.GetProperty("id").GetGuid()}/purchases?pageSize=10");
        list.GetProperty("total").GetInt32().ShouldBe(2);
        list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("receiptId").GetString()).ShouldBe(["R-1", "R-2"]);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/members/purchases/{recorded.GetProperty("id").GetGuid()}");
        one.GetProperty("lines")[0].GetProperty("description").GetString().ShouldBe("Green tea 500g");
    }

    [Fact]
    public async Task Should_return_the_first_purchase_when_the_same_receipt_comes_again()
    {
        var (_, client) = await TenantAsync(Factory, "replay");
        var customer = await CustomerAsync(client, "李娜");
        var receipt = Receipt(customer, "R-REPLAY", 5_000, DateTime.UtcNow.AddHours(-1));

        var first = await RecordAsync(client, receipt);
        var again = await PostAsync(client, receipt);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        (await GetCustomerAsync(client, customer)).GetProperty("purchaseCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_record_one_purchase_when_the_same_receipt_is_posted_twenty_times_in_parallel()
    {
        var (tenant, client) = await TenantAsync(Factory, "parallel");
        var customer = await CustomerAsync(client, "王芳");
        var receipt = Receipt(customer, "R-PAR", 8_800, DateTime.UtcNow.AddMinutes(-30));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(client, receipt)));

        var codes = responses.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", codes));
        codes.Count(c => c == HttpStatusCode.OK).ShouldBe(19, string.Join(", ", codes));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        ids.Count.ShouldBe(1);
        var stats = await GetCustomerAsync(client, customer);
        stats.GetProperty("purchaseCount").GetInt32().ShouldBe(1);
        stats.GetProperty("purchaseTotal").GetInt64().ShouldBe(8_800);
        (await OutboxAsync(Factory, tenant, "members.purchase-recorded")).Count(p => p.Contains("R-PAR", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_every_purchase_of_parallel_tills_in_the_statistics()
    {
        var (_, client) = await TenantAsync(Factory, "tills");
        var customer = await CustomerAsync(client, "赵敏");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => PostAsync(client, Receipt(customer, $"T-{i}", 1_000))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var stats = await GetCustomerAsync(client, customer);
        stats.GetProperty("purchaseCount").GetInt32().ShouldBe(10);
        stats.GetProperty("purchaseTotal").GetInt64().ShouldBe(10_000);
    }

    [Fact]
    public async Task Should_refuse_other_content_under_a_recorded_receipt_id()
    {
        var (_, client) = await TenantAsync(Factory, "conflict");
        var customer = await CustomerAsync(client, "陈静");
        var at = DateTime.UtcNow.AddHours(-2);
        await RecordAsync(client, Receipt(customer, "R-SAME", 5_000, at));

        var response = await PostAsync(client, Receipt(customer, "R-SAME", 6_000, at));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        ErrorFields(problem).ShouldContain("amount");
        ErrorFields(problem).ShouldContain("lines");
        (await GetCustomerAsync(client, customer)).GetProperty("purchaseTotal").GetInt64().ShouldBe(5_000);
    }

    [Fact]
    public async Task Should_answer_400_with_every_field_at_fault()
    {
        var (_, client) = await TenantAsync(Factory, "invalid");
        await CustomerAsync(client, "周杰");

        var response = await PostAsync(client, new
        {
            customerCode = "NO-SUCH-CODE",
            receiptId = " ",
            purchasedAt = DateTime.UtcNow.AddDays(3),
            currency = "yuan",
            storeCode = new string('S', 51),
            lines = new object[] { new { sku = "A", description = "", quantity = 0m, unitPrice = 1, amount = 1 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = ErrorFields(await response.Content.ReadFromJsonAsync<JsonElement>());
        fields.ShouldBe(["receiptId", "storeCode", "purchasedAt", "amount", "currency", "lines[0].description", "lines[0].quantity", "customerCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_refuse_lines_that_do_not_add_up_and_times_without_an_offset()
    {
        var (_, client) = await TenantAsync(Factory, "sums");
        var customer = await CustomerAsync(client, "孙丽");

        var response = await PostAsync(client, new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            receiptId = "R-SUM",
            purchasedAt = "2026-01-05T10:00:00",
            amount = 999,
            lines = new object[] { new { description = "Tea", quantity = 1, unitPrice = 500, amount = 500 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await response.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["purchasedAt", "lines"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_publish_PurchaseRecordedIntegrationEvent_with_the_purchase()
    {
        var (tenant, client) = await TenantAsync(Factory, "event");
        var customer = await CustomerAsync(client, "吴刚");

        var recorded = await RecordAsync(client, Receipt(customer, "R-EVENT", 4_200));

        var payload = (await OutboxAsync(Factory, tenant, "members.purchase-recorded")).ShouldHaveSingleItem();
        var evt = JsonDocument.Parse(payload).RootElement;
        evt.GetProperty("purchaseId").GetGuid().ShouldBe(recorded.GetProperty("id").GetGuid());
        evt.GetProperty("customerCode").GetString().ShouldBe(customer.GetProperty("code").GetString());
        evt.GetProperty("amount").GetInt64().ShouldBe(4_200);
    }

    [Fact]
    public async Task Should_keep_purchases_of_one_tenant_invisible_to_another()
    {
        var (_, a) = await TenantAsync(Factory, "iso-a");
        var (_, b) = await TenantAsync(Factory, "iso-b");
        var customerA = await CustomerAsync(a, "郑爽");
        var customerB = await CustomerAsync(b, "郑爽");
        var purchaseA = await RecordAsync(a, Receipt(customerA, "R-SHARED", 3_000));

        (await b.GetAsync($"/api/members/customers/{customerA.GetProperty("id").GetGuid()}/purchases")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetAsync($"/api/members/purchases/{purchaseA.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var byIdOfA = await PostAsync(b, new { customerId = customerA.GetProperty("id").GetGuid(), receiptId = "R-X", purchasedAt = DateTime.UtcNow, amount = 1 });
        byIdOfA.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Receipt ids are unique per tenant: B's till may use the same one.
        var purchaseB = await RecordAsync(b, Receipt(customerB, "R-SHARED", 3_000));
        purchaseB.GetProperty("id").GetGuid().ShouldNotBe(purchaseA.GetProperty("id").GetGuid());
        (await GetCustomerAsync(a, customerA)).GetProperty("purchaseCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_describe_the_purchases_lifecycle_and_care_endpoints_in_OpenAPI()
    {
        var client = await Factory.SignedInClientAsync();

        var document = await client.GetStringAsync("/api/docs/v1/openapi.json");

        foreach (var path in new[] { "/api/members/purchases", "/api/members/customers/{id}/purchases", "/api/members/customers/{id}/lifecycle", "/api/members/care" })
        {
            document.ShouldContain($"\"{path}\"", Case.Sensitive);
        }
    }

    [Fact]
    public async Task Should_refuse_anonymous_tills()
    {
        var client = Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/members/purchases", new { receiptId = "R-ANON" });

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_record_in_the_callers_transaction_and_commit_nothing_itself()
    {
        var (tenant, client) = await TenantAsync(Factory, "batch");
        var customer = await CustomerAsync(client, "冯伟");
        var code = customer.GetProperty("code").GetString();
        var at = DateTime.UtcNow.AddDays(-1);
        PurchaseInput Row(string receipt) => new() { CustomerCode = code, ReceiptId = receipt, PurchasedAt = at, Amount = 100 };

        var outcomes = await Factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<MembersDbContext>();
            var recorder = services.GetRequiredService<PurchaseRecorder>();
            await using var batch = await db.Database.BeginTransactionAsync();
            var result = new List<Result<RecordedPurchase>>
            {
                await recorder.RecordAsync(Row("B-1"), "import", CancellationToken.None),
                await recorder.RecordAsync(Row("B-1"), "import", CancellationToken.None),
                await recorder.RecordAsync(Row("B-2") with { Amount = null }, "import", CancellationToken.None),
                await recorder.RecordAsync(Row("B-3"), "import", CancellationToken.None),
            };
            await batch.RollbackAsync();
            return result;
        });

        outcomes[0].Value.AlreadyRecorded.ShouldBeFalse();
        outcomes[1].Value.AlreadyRecorded.ShouldBeTrue();
        outcomes[2].Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.Invalid);
        outcomes[2].Refusal!.Fields.Select(f => f.Field).Distinct().ShouldBe(["amount"]);
        outcomes[3].Value.AlreadyRecorded.ShouldBeFalse();
        (await GetCustomerAsync(client, customer)).GetProperty("purchaseCount").GetInt32().ShouldBe(0);

        var committed = await Factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<MembersDbContext>();
            var recorder = services.GetRequiredService<PurchaseRecorder>();
            await using var batch = await db.Database.BeginTransactionAsync();
            var outcome = await recorder.RecordAsync(Row("B-1"), "import", CancellationToken.None);
            await batch.CommitAsync();
            return outcome;
        });

        committed.Value.AlreadyRecorded.ShouldBeFalse();
        committed.Value.Purchase.Source.ShouldBe("import");
        (await GetCustomerAsync(client, customer)).GetProperty("purchaseCount").GetInt32().ShouldBe(1);
    }
}

public sealed class SqlitePurchasesApiTests(MembersHost host) : PurchasesApiTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresPurchasesApiTests(MembersPostgresHost host) : PurchasesApiTests(host.Factory), IClassFixture<MembersPostgresHost>;
