using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Knowledge;

public sealed class KnowledgeApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Problems = "https://retailcrm.dev/problems/";

    [Fact]
    public async Task An_article_without_a_title_is_refused_at_its_field_and_nothing_is_stored()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);

        var response = await tenant.Admin.PostAsJsonAsync("/api/service/kb/articles", new { title = "  ", body = "Text", language = "fr" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe(Problems + "service/kb-article-invalid");
        problem.GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Give the article a title of 1 to 200 characters.");
        problem.GetProperty("errors").GetProperty("language")[0].GetString().ShouldBe("Choose the article's language: en or zh-CN.");
        (await tenant.Admin.SearchAsync("")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_article_on_an_unknown_category_is_refused_at_the_category()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);

        var response = await tenant.Admin.PostAsJsonAsync("/api/service/kb/articles", new { title = "Refunds", body = "", language = "en", categoryId = Guid.NewGuid() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("categoryId", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task An_agent_reads_and_votes_but_may_not_write()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var id = await tenant.ArticleAsync("Refund process", "Within seven days.");
        var agent = await tenant.AgentAsync();

        (await agent.GetAsync($"/api/service/kb/articles/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.PostAsJsonAsync($"/api/service/kb/articles/{id}/feedback", new { helpful = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.PostAsJsonAsync("/api/service/kb/articles", new { title = "Mine", body = "", language = "en" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PutAsJsonAsync($"/api/service/kb/articles/{id}", new { title = "Mine", body = "", language = "en" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/service/kb/categories", new { name = "Mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_reader_has_one_vote_per_article_and_may_change_it()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var id = await tenant.ArticleAsync("Refund process", "Within seven days.");
        var agent = await tenant.AgentAsync();

        await VoteAsync(tenant.Admin, id, helpful: true);
        await VoteAsync(tenant.Admin, id, helpful: true);
        await VoteAsync(agent, id, helpful: true);
        var changed = await VoteAsync(agent, id, helpful: false);

        changed.GetProperty("helpful").GetInt32().ShouldBe(1);
        changed.GetProperty("notHelpful").GetInt32().ShouldBe(1);
        changed.GetProperty("mine").GetBoolean().ShouldBeFalse();
        var article = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/service/kb/articles/{id}");
        article.GetProperty("votes").GetProperty("helpful").GetInt32().ShouldBe(1);
        article.GetProperty("votes").GetProperty("notHelpful").GetInt32().ShouldBe(1);
        article.GetProperty("votes").GetProperty("mine").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_vote_without_its_answer_is_refused_at_the_field()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var id = await tenant.ArticleAsync("Refund process", "Within seven days.");

        var response = await tenant.Admin.PostAsJsonAsync($"/api/service/kb/articles/{id}/feedback", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("helpful")[0].GetString()
            .ShouldBe("Say whether the article helped: true or false.");
    }

    [Fact]
    public async Task Script_and_event_handlers_in_markdown_never_reach_the_article()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var id = await tenant.ArticleAsync("Tricky", """
            **Bold** text <script>alert('kb')</script>
            <a href="javascript:alert(1)" onclick="alert(2)">click</a> <img src="x.png" onerror="alert(3)">
            [link](javascript:alert(4))
            """);

        var html = (await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/service/kb/articles/{id}")).GetProperty("html").GetString()!;
        var page = await tenant.Admin.GetStringAsync($"/service/kb/articles/{id}");

        html.ShouldContain("<strong>Bold</strong>");
        foreach (var shown in new[] { html, page })
        {
            shown.ShouldNotContain("<script>alert");
            shown.ShouldNotContain("onclick", Case.Insensitive);
            shown.ShouldNotContain("onerror", Case.Insensitive);
            shown.ShouldNotContain("javascript:alert");
        }
    }

    [Fact]
    public async Task A_category_holding_articles_is_not_deleted()
    {
        var tenant = await KnowledgeTenant.CreateAsync(host.Factory);
        var category = await (await tenant.Admin.PostAsJsonAsync("/api/service/kb/categories", new { name = "Refunds" })).Content.ReadFromJsonAsync<JsonElement>();
        var categoryId = category.GetProperty("id").GetGuid();
        await tenant.ArticleAsync("Refund process", "Within seven days.", categoryId: categoryId);

        var twice = await tenant.Admin.PostAsJsonAsync("/api/service/kb/categories", new { name = "Refunds" });
        var deleted = await tenant.Admin.DeleteAsync($"/api/service/kb/categories/{categoryId}");

        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        deleted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var categories = await tenant.Admin.GetFromJsonAsync<JsonElement[]>("/api/service/kb/categories");
        categories!.ShouldHaveSingleItem().GetProperty("articles").GetInt32().ShouldBe(1);
    }

    private static async Task<JsonElement> VoteAsync(HttpClient client, Guid id, bool helpful)
    {
        var response = await client.PostAsJsonAsync($"/api/service/kb/articles/{id}/feedback", new { helpful });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
