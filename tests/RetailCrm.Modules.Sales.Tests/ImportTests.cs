using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailCrm.Sdk.Web;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>Importing deals from CSV and Excel: the dry run reports every bad row, a real run writes all rows or none.</summary>
public sealed class ImportTests(SalesHost host) : IClassFixture<SalesHost>
{
    [Fact]
    public async Task A_dry_run_lists_every_bad_row_and_writes_nothing_then_the_fixed_file_imports_every_deal()
    {
        var team = await host.TeamAsync();
        var code = await CustomerCodeAsync(team.Admin, "Sun Trading");
        var bad = $"""
            Title,Customer code,Customer,Phone,Stage,Owner,Expected close,Amount,Forecast category
            Spring ads,,Walk Trading,13900139{Random.Shared.Next(100, 999)},visit,li.wei,2027-01-31,"1,250.00",Commit
            Summer events,{code},,,寻找准客户,,2027-02-28,800,
            ,,Nobody,,sign,ghost,31/12/2026,-5,Sure
            """;

        var refused = await ImportAsync(team.Seller, bad, "deals.csv", dryRun: false);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await refused.Content.ReadAsStringAsync());
        var report = await refused.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("valid").GetInt32().ShouldBe(2);
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        problems.ShouldAllBe(p => p.GetProperty("row").GetInt32() == 4);
        problems.Select(p => p.GetProperty("column").GetString()).Order().ShouldBe(["amount", "expectedClose", "forecastCategory", "owner", "stage", "title"]);
        (await DealsAsync(team.Seller)).ShouldBeEmpty();

        var good = string.Join('\n', bad.Split('\n')[..3]);
        var dry = await ImportAsync(team.Seller, good, "deals.csv", dryRun: true);
        dry.StatusCode.ShouldBe(HttpStatusCode.OK, await dry.Content.ReadAsStringAsync());
        var checkedOnly = await dry.Content.ReadFromJsonAsync<JsonElement>();
        (checkedOnly.GetProperty("existingCustomers").GetInt32(), checkedOnly.GetProperty("newProspects").GetInt32(), checkedOnly.GetProperty("created").GetInt32()).ShouldBe((1, 1, 0));
        (await DealsAsync(team.Seller)).ShouldBeEmpty();

        var done = await ImportAsync(team.Seller, good, "deals.csv", dryRun: false);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32().ShouldBe(2);
        var deals = await DealsAsync(team.Seller);
        var pipeline = await PipelineAsync(team.Seller);
        var spring = deals.Single(d => d.GetProperty("title").GetString() == "Spring ads");
        spring.GetProperty("stageId").GetGuid().ShouldBe(StageId(pipeline, "visit"));
        spring.GetProperty("amount").GetInt64().ShouldBe(125_000);
        spring.GetProperty("forecastCategory").GetString().ShouldBe("Commit");
        deals.Single(d => d.GetProperty("title").GetString() == "Summer events").GetProperty("customerName").GetString().ShouldBe("Sun Trading");
    }

    [Fact]
    public async Task An_excel_file_with_chinese_headers_imports_and_an_unreadable_file_is_refused_at_its_field()
    {
        var team = await host.TeamAsync();
        var writer = host.Factory.Services.GetRequiredService<ITableFileWriter>();
        var file = writer.Write(TableFileFormat.Xlsx, "deals", ["标题", "客户", "电话", "阶段", "金额"], [["年度设计服务", "钱总", "13700137" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture), "约见拜访", 3000m]]);

        var imported = await ImportAsync(team.Seller, file.Content, "deals.xlsx", dryRun: false);
        var broken = await ImportAsync(team.Seller, "PK\u0003\u0004 not really a workbook"u8.ToArray(), "deals.xlsx", dryRun: true);

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var deal = (await DealsAsync(team.Seller)).ShouldHaveSingleItem();
        deal.GetProperty("title").GetString().ShouldBe("年度设计服务");
        deal.GetProperty("amount").GetInt64().ShouldBe(300_000);
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(broken)).GetProperty("errors").GetProperty("file").GetArrayLength().ShouldBe(1);
    }

    private static async Task<string> CustomerCodeAsync(HttpClient admin, string name)
    {
        var created = await admin.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Organization", displayName = name }, keepDespiteDuplicates = true });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement[]> DealsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!.SelectMany(c => c.GetProperty("opportunities").EnumerateArray())];

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, string fileName, bool dryRun) => ImportAsync(client, Encoding.UTF8.GetBytes(csv), fileName, dryRun);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string fileName, bool dryRun)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/sales/opportunities/import?dryRun={(dryRun ? "true" : "false")}", form);
    }
}
