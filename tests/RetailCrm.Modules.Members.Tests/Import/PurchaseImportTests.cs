using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static RetailCrm.Modules.Members.Tests.Import.ImportApi;

namespace RetailCrm.Modules.Members.Tests.Import;

/// <summary>Purchase import: customers by code or phone, idempotent by receipt id.</summary>
public sealed class PurchaseImportTests(MembersHost host) : IClassFixture<MembersHost>
{
    [Fact]
    public async Task Should_import_purchases_once_by_receipt_id()
    {
        var client = await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), Names.Tenant("purchases"));
        var zhang = await CreateCustomerAsync(client, new { kind = "Person", displayName = "张伟", phone = "13800000001" });
        var li = await CreateCustomerAsync(client, new { kind = "Person", displayName = "李娜", phone = "13800000002" });
        var code = zhang["code"]!.GetValue<string>();
        var file = Csv(
        [
            ["客户编号", "手机", "小票号", "金额", "消费时间", "门店", "支付方式"],
            [code, "", "R-1", "128.50", "2026-03-01 10:15:00", "S01", "cash"],
            [code, "", "R-2", "71.50", "2026-04-02 18:00:00", "S02", "card"],
            ["", "138 0000 0002", "R-3", "30", "2026-05-03 09:00:00", "S01", "wechat"],
            ["", "", "R-4", "10", "2026-05-03 09:00:00", "S01", "cash"],
            ["C-NOPE", "", "R-5", "10", "2026-05-03 09:00:00", "S01", "cash"],
            [code, "", "R-1", "128.50", "2026-03-01 10:15:00", "S01", "cash"],
        ]);

        var id = (await UploadOkAsync(client, "purchases.csv", file, kind: "Purchases"))["id"]!.GetValue<string>();
        var report = await DryRunAsync(client, id);
        Rows(report, "error").ShouldBe([5, 6]);
        Rows(report, "duplicate").ShouldBe([7]);
        var committed = await CommitOkAsync(client, id, skipErrorRows: true, importDuplicates: true);
        committed["importedRows"]!.GetValue<int>().ShouldBe(3);

        var again = (await UploadOkAsync(client, "purchases-again.csv", file, kind: "Purchases"))["id"]!.GetValue<string>();
        Rows(await DryRunAsync(client, again), "duplicate").ShouldBe([2, 3, 4, 7]);
        (await CommitOkAsync(client, again, skipErrorRows: true, importDuplicates: true))["importedRows"]!.GetValue<int>().ShouldBe(0);

        var zhangNow = (await client.GetFromJsonAsync<JsonNode>($"/api/members/customers/{zhang["id"]}"))!;
        zhangNow["purchaseCount"]!.GetValue<int>().ShouldBe(2);
        zhangNow["purchaseTotal"]!.GetValue<long>().ShouldBe(20000);
        zhangNow["firstPurchaseAt"]!.GetValue<DateTime>().ShouldBe(new DateTime(2026, 3, 1, 10, 15, 0, DateTimeKind.Utc));
        zhangNow["lastPurchaseAt"]!.GetValue<DateTime>().ShouldBe(new DateTime(2026, 4, 2, 18, 0, 0, DateTimeKind.Utc));
        var liNow = (await client.GetFromJsonAsync<JsonNode>($"/api/members/customers/{li["id"]}"))!;
        liNow["purchaseCount"]!.GetValue<int>().ShouldBe(1);
        liNow["purchaseTotal"]!.GetValue<long>().ShouldBe(3000);

        // Imported purchases go through the same recorder as the till's: lifecycle classes follow.
        zhangNow["lifecycleClass"]!.GetValue<string>().ShouldBe("RepeatBuyer");
        liNow["lifecycleClass"]!.GetValue<string>().ShouldBe("FirstTimeBuyer");
    }
}
