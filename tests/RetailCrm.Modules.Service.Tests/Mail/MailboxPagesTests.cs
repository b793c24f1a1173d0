using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace RetailCrm.Modules.Service.Tests.Mail;

/// <summary>The admins' mailboxes page over the real host and smtp4dev: add a mailbox, read it now, and handle its dead letters.</summary>
public sealed class MailboxPagesTests(MailHost host) : IClassFixture<MailHost>
{
    private const string Page = "/service/admin/mailboxes";

    [Fact]
    public async Task Should_add_a_mailbox_from_the_page_and_refuse_a_bad_one_at_its_field_saving_nothing()
    {
        var tenant = await host.TenantAsync();
        var address = $"shop-{Guid.NewGuid():N}"[..13] + "@shop.test";

        var refused = await tenant.Client.SubmitRefusedAsync(Page, Page,
            ("name", "Shop"), ("address", "not-an-address"), ("host", host.Mail.ImapHost), ("port", host.Mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "None"), ("userName", "tests"), ("password", "tests"), ("folder", "INBOX"), ("defaultType", "inquiry"));
        refused.ShouldContain("field-error");
        (await MailboxesAsync(tenant)).Count.ShouldBe(1);

        var shown = await tenant.Client.SubmitAndFollowAsync(Page, Page,
            ("name", "Shop"), ("address", address), ("host", host.Mail.ImapHost), ("port", host.Mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "None"), ("userName", "tests"), ("password", "tests"), ("folder", "INBOX"), ("defaultType", "complaint"));
        shown.ShouldContain($"The mailbox {address} was added");
        shown.ShouldContain(address);
        var added = (await MailboxesAsync(tenant)).Single(m => m.GetProperty("address").GetString() == address);
        added.GetProperty("defaultType").GetString().ShouldBe("complaint");
        added.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        shown.ShouldNotContain("value=\"tests\"");
    }

    [Fact]
    public async Task Should_read_a_mailbox_now_and_list_take_in_again_and_discard_its_dead_letters()
    {
        var tenant = await host.TenantAsync();
        var broken = new MimeMessage { Subject = "No sender on the page", Body = new TextPart("plain") { Text = "Who wrote this?" } };
        broken.To.Add(MailboxAddress.Parse(tenant.Address));
        await tenant.SendAsync(broken);

        var pollAction = $"{Page}/{tenant.MailboxId}/poll";
        string page = "";
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            page = await tenant.Client.SubmitAndFollowAsync(Page, pollAction);
            return page.Contains("No sender on the page", StringComparison.Ordinal);
        }, "the dead letter on the page");
        page.ShouldContain("mails read:");
        var letter = (await tenant.DeadLettersAsync()).ShouldHaveSingleItem();
        page.ShouldContain($"/api/service/mailboxes/dead-letters/{letter.Id}/raw");
        (await tenant.Client.GetAsync($"/api/service/mailboxes/dead-letters/{letter.Id}/raw")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var retried = await tenant.Client.SubmitRefusedAsync(Page, $"{Page}/dead-letters/{letter.Id}/retry");
        retried.ShouldContain("no sender");
        (await tenant.DeadLettersAsync()).ShouldHaveSingleItem();

        var discarded = await tenant.Client.SubmitAndFollowAsync(Page, $"{Page}/dead-letters/{letter.Id}/discard");
        discarded.ShouldContain("The dead letter was discarded.");
        discarded.ShouldContain("No dead letters");
        (await tenant.DeadLettersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_show_the_page_in_chinese_and_only_to_admins()
    {
        var tenant = await host.TenantAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, Page);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await (await tenant.Client.SendAsync(request)).Content.ReadAsStringAsync();
        WebUtility.HtmlDecode(chinese).ShouldContain("死信");

        var anonymous = host.Factory.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Name}.test"), AllowAutoRedirect = false });
        (await anonymous.GetAsync(Page)).StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    private static async Task<List<JsonElement>> MailboxesAsync(MailTenant tenant) =>
        [.. (await tenant.Client.GetFromJsonAsync<JsonElement>("/api/service/mailboxes")).EnumerateArray()];
}
