using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>The analysis pages and the manager's home as a browser gets them: every figure links to its customers, forms refuse bad input in place.</summary>
public sealed class AnalysisPageTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_show_segments_pareto_and_matrix_on_the_page_and_the_home_dashboard()
    {
        var (name, client) = await host.TenantAsync();
        await Shop.TwoYearsAsync(client, DateTime.UtcNow, "page");
        await host.PurchasesArrivedAsync(name, 70);
        await Shop.RecomputeAsync(client);

        var overview = await client.GetStringAsync("/analysis");
        overview.ShouldContain("id=\"migration-matrix\"");
        overview.ShouldContain("href=\"/analysis/customers?segment=Champions\"");
        overview.ShouldContain("href=\"/analysis/customers?from=none&to=");
        overview.ShouldContain("data-chart=");
        overview.ShouldContain("/analysis/customers?top=20");

        var home = await client.GetStringAsync("/");
        foreach (var widget in new[] { "analysis.segments", "analysis.pareto", "analysis.migration", "analysis.problem-customers" })
        {
            home.ShouldContain($"data-widget=\"{widget}\"");
        }

        var list = await client.GetStringAsync("/analysis/customers?segment=Champions");
        list.ShouldContain("id=\"customers\"");
        list.ShouldContain("page heavy 0");
        list.ShouldContain("/analysis/customers/export.xlsx?segment=Champions");
        list.ShouldContain("id=\"call-list-form\"");

        var consumption = await client.GetStringAsync("/analysis/consumption?dimension=Store");
        consumption.ShouldContain("data-key=\"SH-NJR\"");
        var business = await client.GetStringAsync("/analysis/business");
        business.ShouldContain("id=\"liability\"");
    }

    [Fact]
    public async Task Should_show_the_pages_in_chinese()
    {
        var (_, client) = await host.TenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/analysis");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        page.ShouldContain("顾客分析");
        page.ShouldContain("重要价值顾客");
        page.ShouldContain("分群迁移");
    }

    [Fact]
    public async Task Should_refuse_a_weight_that_is_not_a_number_on_the_settings_page_and_keep_the_settings()
    {
        var (_, client) = await host.TenantAsync();
        var page = await client.SubmitRefusedAsync("/analysis/settings", "/analysis/settings", ("recencyWeight", "heavy"), ("windowStart", "2026-06-01"), ("windowEnd", "2026-05-01"));
        page.ShouldContain("heavy", customMessage: "the form is shown again with what was typed");
        page.ShouldContain("field-error");
        (await client.GetFromJsonAsync<JsonElement>("/api/analysis/settings")).GetProperty("recencyWeight").GetDecimal().ShouldBe(1m);
    }
}
