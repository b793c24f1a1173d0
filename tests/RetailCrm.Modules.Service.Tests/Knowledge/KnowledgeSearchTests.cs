using System.Net;

namespace RetailCrm.Modules.Service.Tests.Knowledge;

/// <summary>The search through the real host and its real full-text index; run on SQLite (FTS5) and on PostgreSQL (tsvector, GIN).</summary>
public abstract class KnowledgeSearchTests(CrmHostFactory factory)
{
    [Fact]
    public async Task Chinese_article_is_found_by_a_two_character_word_with_the_word_marked()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var refund = await tenant.ArticleAsync("退款流程", "顾客凭购物小票可在七天内申请退款。", "zh-CN");
        await tenant.ArticleAsync("设备报修", "饮水机出现故障时，请创建报修工单。", "zh-CN");
        var card = await tenant.ArticleAsync("会员卡充值", "储值卡可在门店充值。", "zh-CN");

        var hits = await tenant.Admin.SearchAsync("退款");

        hits.Ids().ShouldBe([refund]);
        hits[0].GetProperty("snippet").GetString()!.ShouldContain("申请<mark>退款</mark>");
        (await tenant.Admin.SearchAsync("会员")).Ids().ShouldBe([card], "a part of a longer word finds it");
        (await tenant.Admin.SearchAsync("退款 工单")).ShouldBeEmpty("every word must occur");
    }

    [Fact]
    public async Task English_words_match_whatever_their_case_and_are_not_stemmed()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var topUp = await tenant.ArticleAsync("Card top-up", "A stored-value card can be topped up at any till.");

        (await tenant.Admin.SearchAsync("CARD")).Ids().ShouldBe([topUp]);
        (await tenant.Admin.SearchAsync("till card")).Ids().ShouldBe([topUp]);
        (await tenant.Admin.SearchAsync("cards")).ShouldBeEmpty("no stemming: cards is another word than card");
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_body()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var inBody = await tenant.ArticleAsync("Opening hours", "Stores open at nine. A refund is handled at the service desk.");
        var inTitle = await tenant.ArticleAsync("Refund desk", "Customers bring the goods and the receipt to the service desk.");
        await tenant.ArticleAsync("Parking", "The car park is behind the store.");

        var hits = await tenant.Admin.SearchAsync("refund");

        hits.Ids().ShouldBe([inTitle, inBody]);
        hits[0].GetProperty("score").GetDouble().ShouldBeGreaterThan(hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Drafts_are_hidden_from_agents_and_shown_to_editors()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var published = await tenant.ArticleAsync("Refund process", "Refund within seven days.");
        var draft = await tenant.ArticleAsync("Refund process (new rules)", "Refund within fourteen days.", published: false);
        var agent = await tenant.AgentAsync();

        (await agent.SearchAsync("refund")).Ids().ShouldBe([published]);
        (await agent.GetAsync($"/api/service/kb/articles/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tenant.Admin.SearchAsync("refund")).Ids().ShouldBe([published, draft], ignoreOrder: true);
    }

    [Fact]
    public async Task Search_keeps_to_the_language_asked_for_and_to_the_tenant()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var other = await KnowledgeTenant.CreateAsync(factory);
        var english = await tenant.ArticleAsync("VIP card top-up", "Top up a VIP card.");
        var chinese = await tenant.ArticleAsync("VIP会员卡充值", "VIP卡可以充值。", "zh-CN");
        await other.ArticleAsync("VIP lounge", "VIP customers wait here.");

        (await tenant.Admin.SearchAsync("vip")).Ids().ShouldBe([english, chinese], ignoreOrder: true);
        (await tenant.Admin.SearchAsync("vip", "zh-CN")).Ids().ShouldBe([chinese]);
        (await tenant.Admin.SearchAsync("vip", "en")).Ids().ShouldBe([english]);
    }

    [Fact]
    public async Task A_changed_article_is_found_by_its_new_words_only()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var id = await tenant.ArticleAsync("Returns", "Bring the receipt.");

        var changed = await tenant.Admin.PutAsync($"/api/service/kb/articles/{id}", System.Net.Http.Json.JsonContent.Create(
            new { title = "Returns", body = "发票 is needed now.", language = "en", published = true }));

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await tenant.Admin.SearchAsync("receipt")).ShouldBeEmpty();
        (await tenant.Admin.SearchAsync("发票")).Ids().ShouldBe([id]);
    }

    [Fact]
    public async Task Concurrent_first_votes_of_one_reader_count_once()
    {
        var tenant = await KnowledgeTenant.CreateAsync(factory);
        var id = await tenant.ArticleAsync("Refund process", "Within seven days.");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            tenant.Admin.PostAsync($"/api/service/kb/articles/{id}/feedback", System.Net.Http.Json.JsonContent.Create(new { helpful = i % 2 == 0 }))));

        answers.Select(a => a.StatusCode).Distinct().ShouldBe([HttpStatusCode.OK]);
        var votes = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(tenant.Admin, $"/api/service/kb/articles/{id}")).GetProperty("votes");
        (votes.GetProperty("helpful").GetInt32() + votes.GetProperty("notHelpful").GetInt32()).ShouldBe(1);
    }
}

public sealed class KnowledgeSearchOnSqliteTests(ServiceHost host) : KnowledgeSearchTests(host.Factory), IClassFixture<ServiceHost>;

public sealed class KnowledgeSearchOnPostgresTests(ServicePostgresHost host) : KnowledgeSearchTests(host.Factory), IClassFixture<ServicePostgresHost>;
