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
