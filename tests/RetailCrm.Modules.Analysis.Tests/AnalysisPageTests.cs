using System.Net;
using System.Net.Http.Json;
using RetailCrm.Modules.Analysis.Contracts;

namespace RetailCrm.Modules.Analysis.Tests;

public sealed class AnalysisPageTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_add_a_thing_through_the_form()
    {
        var (_, client) = await host.TenantAsync();

        var page = await client.SubmitAndFollowAsync("/analysis", "/analysis", ("Name", "From the form"));

        page.ShouldMatch("<div class=\"alert ok\" role=\"status\" id=\"notice\"[^>]*>.*<span>Added From the form.</span></div>");
        page.ShouldContain("<td>From the form</td>");
    }

    [Fact]
    public async Task Should_show_the_refused_form_again_with_the_error_at_its_field_in_chinese()
    {
        var (_, client) = await host.TenantAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var typed = new string('x', 101);

        var response = await client.SubmitAsync("/analysis", "/analysis", ("Name", typed));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("<span class=\"field-error\" id=\"Name-error\" role=\"alert\">请为事项填写 1 到 100 个字符的名称。</span>");
        page.ShouldContain("aria-invalid=\"true\"");
        page.ShouldContain($"value=\"{typed}\"");
        page.ShouldContain("<h1>顾客分析</h1>");
        (await client.GetFromJsonAsync<ThingDto[]>("/api/analysis/things")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_add_one_thing_when_the_form_is_sent_twice()
    {
        var (_, client) = await host.TenantAsync();
        var form = await client.GetStringAsync("/analysis");

        var first = await client.SubmitHtmlAsync(form, "/analysis", ("Name", "Double click"));
        var again = await client.SubmitHtmlAsync(form, "/analysis", ("Name", "Double click"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await client.GetFromJsonAsync<ThingDto[]>("/api/analysis/things")).ShouldHaveSingleItem().Name.ShouldBe("Double click");
        WebUtility.HtmlDecode(await client.GetStringAsync(again.Headers.Location)).ShouldContain("This form was sent before; it was carried out once.");
    }

    [Fact]
    public async Task Should_open_the_help_of_the_page_in_both_languages()
    {
        var (_, client) = await host.TenantAsync();

        var link = await client.GetAsync("/help?page=%2Fanalysis");
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/help/analysis/things"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync("/help/analysis/things"));

        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        link.Headers.Location!.OriginalString.ShouldBe("/help/analysis/things");
        english.ShouldContain(">Things</h1>");
        chinese.ShouldContain(">事项</h1>");
    }
}
