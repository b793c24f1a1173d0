using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Service.Tests.Knowledge;

public sealed partial class KnowledgePageTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string NewArticle = "/service/kb/articles/new";

    [Fact]
    public async Task An_editor_writes_an_article_that_an_agent_then_finds_on_the_list_page()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var agent = await tenant.AgentAsync();

        var saved = await tenant.Admin.SubmitAndFollowAsync(NewArticle, NewArticle,
            ("Title", "退款流程"), ("Language", "zh-CN"), ("Body", "顾客凭小票可在 **七天内** 申请退款。"), ("Published", "true"));
        var list = WebUtility.HtmlDecode(await agent.GetStringAsync("/service/kb?q=" + Uri.EscapeDataString("退款")));

        saved.ShouldContain("<span>Saved the article 退款流程.</span>");
        saved.ShouldContain("<strong>七天内</strong>");
        list.ShouldContain(">退款流程</a>");
        list.ShouldContain("申请<mark>退款</mark>");
        (await agent.GetStringAsync("/")).ShouldContain("data-menu-key=\"service.kb\"");
        (await agent.GetAsync(NewArticle)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_refused_title_is_shown_at_its_field_in_chinese_with_the_text_kept()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        tenant.Admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await tenant.Admin.SubmitAsync(NewArticle, NewArticle, ("Title", " "), ("Language", "en"), ("Body", "Kept text"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("<span class=\"field-error\" id=\"Title-error\" role=\"alert\">请为文章填写 1 到 200 个字符的标题。</span>");
        page.ShouldContain(">Kept text</textarea>");
        (await tenant.Admin.SearchAsync("")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Preview_shows_the_article_sanitized_and_stores_nothing()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var editor = await tenant.Admin.GetStringAsync(NewArticle);

        var response = await tenant.Admin.PostAsync("/service/kb/preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(editor).Groups[1].Value,
            ["Title"] = "Draft",
            ["Language"] = "en",
            ["Body"] = "# Steps\n\n*Check* the receipt <button onclick=\"steal()\">x</button><script>steal()</script>",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("id=\"kb-preview\"");
        var preview = page[page.IndexOf("id=\"kb-preview\"", StringComparison.Ordinal)..page.IndexOf("id=\"kb-editor\"", StringComparison.Ordinal)];
        preview.ShouldContain("<em>Check</em>");
        preview.ShouldNotContain("steal()");
        page.ShouldNotContain("<script>steal()");
        page.ShouldNotContain("onclick=\"steal()");
        page.ShouldContain("&lt;script&gt;steal()", customMessage: "the editor keeps the typed text, encoded");
        (await tenant.Admin.SearchAsync("")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Voting_twice_on_the_article_page_counts_once()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var id = await tenant.ArticleAsync("Card top-up", "At any till.");
        var article = $"/service/kb/articles/{id}";

        await tenant.Admin.SubmitAndFollowAsync(article, article + "/feedback", ("helpful", "true"));
        var page = await tenant.Admin.SubmitAndFollowAsync(article, article + "/feedback", ("helpful", "true"));

        page.ShouldContain("<span>Thank you: your vote is counted.</span>");
        page.ShouldContain("<span id=\"helpful-count\">1</span>");
        page.ShouldContain("<span id=\"not-helpful-count\">0</span>");
    }

    [Fact]
    public async Task Categories_are_added_and_a_refused_name_is_shown_at_its_field()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);

        var added = await tenant.Admin.SubmitAndFollowAsync("/service/kb/categories", "/service/kb/categories", ("name", "Refunds"));
        var again = await tenant.Admin.SubmitRefusedAsync("/service/kb/categories", "/service/kb/categories", ("name", "Refunds"));

        added.ShouldContain("<span>Added the category Refunds.</span>");
        again.ShouldContain("There is a category Refunds already.");
        again.ShouldContain("id=\"add-category-name-error\"");
    }

    [Fact]
    public async Task Demo_data_brings_six_articles_in_both_languages_once()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);

        for (var run = 0; run < 2; run++)
        {
            await host.Factory.InTenantAsync(tenant.Name, async services =>
            {
                foreach (var contributor in services.GetServices<IDemoDataContributor>().Where(c => c.GetType().Name == "KnowledgeDemoData"))
                {
                    await contributor.SeedAsync(CancellationToken.None);
                }

                return true;
            });
        }

        var all = await tenant.Admin.GetFromJsonAsync<JsonElement[]>("/api/service/kb/articles?limit=100");
        all!.Length.ShouldBe(6);
        all.Count(a => a.GetProperty("language").GetString() == "zh-CN").ShouldBe(3);
        (await tenant.Admin.SearchAsync("退款")).ShouldNotBeEmpty();
        (await tenant.Admin.SearchAsync("top-up", "en")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_ticket_page_carries_the_knowledge_base_picker_for_agents()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var ticket = await Tickets.TicketsApiTests.OpenAsync(tenant.Admin);

        var page = await tenant.Admin.GetStringAsync($"/service/tickets/{ticket.Id}");

        page.ShouldContain("data-panel=\"kb\"");
        page.ShouldContain("data-kb-picker");
        page.ShouldContain("id=\"reply-body\" name=\"body\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
