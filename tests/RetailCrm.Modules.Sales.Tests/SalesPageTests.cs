using System.Net;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

public sealed class SalesPageTests(SalesHost host) : IClassFixture<SalesHost>
{
    [Fact]
    public async Task Should_show_the_board_with_the_deal_in_its_stage_in_chinese()
    {
        var team = await host.TeamAsync();
        await OpenDealAsync(team.Seller, "Sun Li");
        team.Seller.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = WebUtility.HtmlDecode(await team.Seller.GetStringAsync("/sales"));

        page.ShouldContain("<h1>销售管理</h1>");
        page.ShouldMatch("data-stage=\"find-prospects\"[^>]*>\\s*<h2>寻找准客户");
        page.ShouldContain("Spring campaign ads");
        page.ShouldContain("1,800.00\u00A0CNY");
        page.ShouldContain("需主管审批");
    }

    [Fact]
    public async Task Should_render_every_sales_page_for_the_sales_person_and_his_supervisor()
    {
        var team = await host.TeamAsync();
        var deal = await OpenDealAsync(team.Seller, "Qian Hui");
        var id = deal.GetProperty("id").GetGuid();
        string[] pages = ["/sales", "/sales/list", "/sales/list?status=all&rotting=true", "/sales/opportunities/new", "/sales/opportunities/new?find=Qian",
            $"/sales/opportunities/{id}", "/sales/tasks", "/sales/journal", $"/sales/journal/{team.SellerId}", "/sales/forecast", "/sales/forecast?period=Quarter&groupBy=Unit", "/sales/import"];

        foreach (var path in pages)
        {
            var response = await team.Seller.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var path in pages.Append("/sales/approvals"))
        {
            var response = await team.Supervisor.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        var csv = await team.Seller.GetAsync("/sales/list/export.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("Spring campaign ads");
        var xlsx = await team.Seller.GetAsync("/sales/list/export.xlsx?q=Spring");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task Should_open_the_help_of_the_page_in_both_languages()
    {
        var (_, client) = await host.TenantAsync();

        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/help/sales/sales-pipeline"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync("/help/sales/sales-pipeline"));

        english.ShouldContain(">Sales pipeline</h1>");
        chinese.ShouldContain(">销售管理</h1>");
    }
}
