using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Web.Help;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Tests;

/// <summary>
/// /help: the Markdown topics of the Kernel and of the modules the tenant has on, in the user's language; the header's
/// link lands on the topic of the page the user is on.
/// </summary>
public sealed class HelpTests(InstalledModulesHost host) : IClassFixture<InstalledModulesHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_list_the_topics_of_the_kernel_and_of_every_module_the_tenant_has_on()
    {
        var client = await _factory.SignedInClientAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/help"));

        page.ShouldContain("data-help-area=\"general\"");
        page.ShouldContain("data-help-area=\"members\"");
        page.ShouldContain("data-help-area=\"cards\"");
        page.ShouldContain("<a href=\"/help/general/getting-started\" class=\"help-topic\">Getting started</a>");
        page.ShouldContain("<a href=\"/help/cards/till-desk\" class=\"help-topic\">Till desk</a>");
        page.ShouldContain("The till desk is where a store clerk serves a card holder");
    }

    [Fact]
    public async Task Should_leave_out_the_topics_of_a_module_the_tenant_has_off()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var client = await _factory.CreateTenantAsync(hostAdmin, "helpnocards", "members");

        var page = await client.GetStringAsync("/help");
        var topic = await client.GetAsync("/help/cards/till-desk");
        var fromTheDesk = await client.GetAsync("/help?page=%2Fcards%2Fdesk");

        page.ShouldContain("data-help-area=\"members\"");
        page.ShouldNotContain("data-help-area=\"cards\"");
        topic.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fromTheDesk.StatusCode.ShouldBe(HttpStatusCode.OK, "no topic explains the page: the list of topics");
    }

    [Theory]
    [InlineData("/cards/desk", "/help/cards/till-desk")]
    [InlineData("/cards/cards/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/help/cards/cards")]
    [InlineData("/cards/stock/requests", "/help/cards/stock")]
    [InlineData("/members/customers/new", "/help/members/customers")]
    [InlineData("/admin/users", "/help/general/administration")]
    [InlineData("/", "/help/general/getting-started")]
    public async Task Should_take_the_help_link_of_a_page_to_the_topic_that_explains_it(string page, string topic)
    {
        var client = await _factory.SignedInClientAsync();

        var response = await client.GetAsync("/help?page=" + Uri.EscapeDataString(page));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(topic);
    }

    [Theory]
    [InlineData("https://elsewhere.example/cards/desk")]
    [InlineData("/cardsdesk")]
    [InlineData("/no-such-page")]
    public async Task Should_show_the_list_of_topics_for_a_page_no_topic_explains(string page)
    {
        var client = await _factory.SignedInClientAsync();

        var response = await client.GetAsync("/help?page=" + Uri.EscapeDataString(page));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"help-topics\"");
    }

    [Fact]
    public async Task Should_show_a_topic_in_chinese_with_its_keys_and_the_other_topics_of_its_module()
    {
        var client = await _factory.SignedInClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var request = new HttpRequestMessage(HttpMethod.Get, "/help/cards/till-desk");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);

        page.ShouldContain("<title>门店收银 · ");
        page.ShouldContain(">门店收银</h1>");
        page.ShouldContain("<kbd>F2</kbd>");
        page.ShouldContain("<a href=\"/help\">帮助</a> › 卡业务");
        page.ShouldContain("<a href=\"/help/cards/settlement\">门店日结与总部售卡</a>");
    }

    [Fact]
    public async Task Should_find_topics_by_a_word_of_their_text_and_say_so_when_none_has_it()
    {
        var client = await _factory.SignedInClientAsync();

        var found = WebUtility.HtmlDecode(await client.GetStringAsync("/help?q=pinyin"));
        var none = WebUtility.HtmlDecode(await client.GetStringAsync("/help?q=zzzqqq"));

        found.ShouldContain("/help/general/getting-started");
        found.ShouldContain("/help/cards/till-desk");
        found.ShouldNotContain("/help/cards/terminals\"");
        none.ShouldContain("No help topic mentions “zzzqqq”.");
    }

    [Fact]
    public async Task Should_answer_an_unknown_topic_with_the_404_page()
    {
        var client = await _factory.SignedInClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/help/cards/no-such-topic");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public void Should_have_every_topic_in_english_and_chinese_with_a_title_a_summary_and_the_pages_it_explains()
    {
        var library = _factory.Services.GetRequiredService<HelpLibrary>();

        var topics = library.All.GroupBy(t => $"{t.Area}/{t.Slug}").ToList();

        topics.Select(t => t.Key).ShouldContain("cards/till-desk");
        topics.Select(t => t.Key).ShouldContain("members/customers");
        topics.Where(t => !t.Any(v => v.Culture == "en") || !t.Any(v => v.Culture == "zh-CN")).Select(t => t.Key)
            .ShouldBeEmpty("every topic has help/{slug}.md and help/{slug}.zh-CN.md");
        library.All.Where(t => t.Title == t.Slug || t.Summary.Length == 0 || t.Pages.Count == 0).Select(t => $"{t.Area}/{t.Slug} ({t.Culture})")
            .ShouldBeEmpty("a topic starts with a # title and a paragraph, and names its pages in the front matter");
        topics.Where(t => t.Select(v => string.Join(' ', v.Pages)).Distinct().Count() > 1).Select(t => t.Key)
            .ShouldBeEmpty("both languages explain the same pages");
    }

    [Fact]
    public void Should_have_a_topic_for_every_page_in_the_menu()
    {
        var library = _factory.Services.GetRequiredService<HelpLibrary>();
        using var scope = _factory.Services.CreateScope();

        var pages = scope.ServiceProvider.GetServices<IMenuContributor>().SelectMany(c => c.GetMenuItems()).Select(i => i.Url).ToList();

        pages.ShouldContain("/cards/desk");
        pages.Where(url => !library.All.Any(t => t.Explains(url) > 0)).ShouldBeEmpty("each menu page is named in some topic's pages:");
    }

    [Fact]
    public void Should_escape_raw_html_in_a_topic_but_keep_its_keys()
    {
        var topic = HelpMarkdown.Read("x", "y", "en", "---\npages: /x\norder: 3\n---\n# Keys <b>bold</b>\n\nPress <kbd>Enter</kbd>.\n\n<script>alert(1)</script>\n");

        topic.Html.ShouldNotContain("<script>");
        topic.Html.ShouldContain("&lt;script&gt;");
        topic.Html.ShouldContain("<kbd>Enter</kbd>");
        topic.Title.ShouldBe("Keys <b>bold</b>");
        topic.Summary.ShouldBe("Press Enter.");
        topic.Pages.ShouldBe(["/x"]);
        topic.Order.ShouldBe(3);
    }
}
