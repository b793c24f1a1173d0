using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Host.Tests;

/// <summary>A host whose outgoing-messages job runs every 200 ms and tries again after 200, 400, 800 ms...</summary>
public abstract class MessagingHost(TestDatabase database) : IDisposable
{
    public CrmHostFactory Factory { get; } = new(database, settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
        ["RetailCrm:Messaging:RetryBaseMilliseconds"] = "200",
    });

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMessagingHost() : MessagingHost(TestDatabase.Sqlite);

public sealed class PostgresMessagingHost() : MessagingHost(TestDatabase.Postgres);

/// <summary>
/// Templates and outgoing messages over the real host: the kernel's <c>crm.mail-check</c> template (English and
/// Chinese defaults), tenants' overrides through the admin API, and e-mail through the real smtp4dev of tests/run.sh.
/// </summary>
public abstract class MessagingTests(CrmHostFactory factory)
{
    private const string Key = "crm.mail-check";
    private readonly TestMailServer _mail = TestMailServer.FromEnvironment();

    [Fact]
    public async Task Should_render_the_default_in_the_culture_asked_for_and_the_tenant_override_only_for_that_tenant()
    {
        var name = NewName("tpl");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);

        var english = await RenderAsync(name, "en");
        var chinese = await RenderAsync(name, "zh-CN");
        english.Subject.ShouldBe($"RetailCrm e-mail check for {name}");
        english.Text.ShouldContain("Requested by ann.");
        english.Html!.ShouldContain($"<strong>{name}</strong>");
        chinese.Subject.ShouldBe($"RetailCrm 邮件设置检查：{name}");
        chinese.Text.ShouldContain("申请人：ann。");

        var saved = await admin.PutAsJsonAsync($"/api/admin/templates/{Key}", new { culture = "en", text = "{{ capture subject }}Hi {{ tenant_name }}{{ end }}Checked for {{ requested_by }}." });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var overridden = await RenderAsync(name, "en");
        overridden.ShouldBe(new RenderedTemplate($"Hi {name}", "Checked for ann.", null));
        (await RenderAsync(name, "zh-CN")).Subject.ShouldBe($"RetailCrm 邮件设置检查：{name}");
        (await RenderAsync("default", "en")).Subject.ShouldBe("RetailCrm e-mail check for default");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/templates");
        list.EnumerateArray().Single(r => r.GetProperty("key").GetString() == Key && r.GetProperty("culture").GetString() == "en").GetProperty("overridden").GetBoolean().ShouldBeTrue();
        (await admin.DeleteAsync($"/api/admin/templates/{Key}?language=en")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RenderAsync(name, "en")).Subject.ShouldBe($"RetailCrm e-mail check for {name}");
    }

    [Fact]
    public async Task Should_refuse_a_template_with_a_syntax_error_with_400_naming_the_field_line_and_column()
    {
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), NewName("bad"));

        var response = await admin.PutAsJsonAsync($"/api/admin/templates/{Key}", new { culture = "en", text = "Hello\n  {{ if }}\n{{ end }}" });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://retailcrm.dev/problems/template-invalid");
        problem.GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldStartWith("Line 2, column ");
        problem.GetProperty("line").GetInt32().ShouldBe(2);
        problem.GetProperty("column").GetInt32().ShouldBeGreaterThan(1);
        problem.GetProperty("templateErrors")[0].GetProperty("line").GetInt32().ShouldBe(2);
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/templates")).EnumerateArray().ShouldAllBe(r => !r.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task Should_send_an_email_that_arrives_with_its_subject_body_addresses_and_message_id()
    {
        var name = NewName("mail");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        await _mail.ConfigureTenantAsync(admin, $"service@{name}.test", "Service desk");
        var to = $"customer-{Guid.NewGuid():N}@example.test";

        var id = await QueueAsync(name, new OutgoingMessage(ChannelKinds.Email, to, Key, new MailCheckModel(name, "ann"), "zh-CN") { ToName = "张伟" });

        var mail = await _mail.WaitForAsync(to);
        mail.Subject.ShouldBe($"RetailCrm 邮件设置检查：{name}");
        mail.TextBody!.ShouldContain("申请人：ann。");
        mail.HtmlBody!.ShouldContain($"<strong>{name}</strong>");
        mail.To.Mailboxes.Single().Address.ShouldBe(to);
        mail.To.Mailboxes.Single().Name.ShouldBe("张伟");
        mail.From.Mailboxes.Single().Address.ShouldBe($"service@{name}.test");
        mail.From.Mailboxes.Single().Name.ShouldBe("Service desk");
        mail.MessageId.ShouldBe($"{id:N}@{name}.test");
        var stored = await MessageAsync(name, id);
        stored.Status.ShouldBe(OutgoingMessageStatus.Sent);
        stored.TransportId.ShouldBe(mail.MessageId);
    }

    [Fact]
    public async Task Should_keep_a_message_whose_template_fails_as_failed_and_send_it_once_the_template_is_fixed()
    {
        var name = NewName("fix");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        await _mail.ConfigureTenantAsync(admin, $"service@{name}.test", "Service desk");
        var to = $"fixed-{Guid.NewGuid():N}@example.test";

        // The model lacks requested_by, which the default template reads: it fails at send time.
        var id = await QueueAsync(name, new OutgoingMessage(ChannelKinds.Email, to, Key, new { TenantName = name }));
        await CrmHostFactory.EventuallyAsync(async () => (await MessageAsync(name, id)).Status == OutgoingMessageStatus.Failed, "the message fails on its template");

        var failed = await MessageAsync(name, id);
        failed.Failure.ShouldBe(OutgoingFailure.Template);
        failed.Reason!.ShouldContain("requested_by");
        failed.Reason!.ShouldContain("line ");
        failed.Attempts.ShouldBe(0);
        (await _mail.FindAsync(to)).ShouldBeEmpty();

        var saved = await admin.PutAsJsonAsync($"/api/admin/templates/{Key}", new { culture = "en", text = "{{ capture subject }}Check of {{ tenant_name }}{{ end }}It works." });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messagesResent").GetInt32().ShouldBe(1);

        var mail = await _mail.WaitForAsync(to);
        mail.Subject.ShouldBe($"Check of {name}");
        mail.TextBody!.Trim().ShouldBe("It works.");
        (await MessageAsync(name, id)).Status.ShouldBe(OutgoingMessageStatus.Sent);
    }

    [Fact]
    public async Task Should_try_again_with_back_off_while_the_smtp_server_is_down_and_send_once_it_is_back_while_another_tenant_sends_meanwhile()
    {
        var name = NewName("down");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        await _mail.ConfigureTenantAsync(admin, $"service@{name}.test", "Service desk", port: ClosedPort());
        var to = $"later-{Guid.NewGuid():N}@example.test";

        var id = await QueueAsync(name, new OutgoingMessage(ChannelKinds.Email, to, Key, new MailCheckModel(name, "ann")));
        await CrmHostFactory.EventuallyAsync(async () => (await MessageAsync(name, id)).Attempts >= 2, "two failed attempts");

        var other = NewName("up");
        var otherAdmin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), other);
        await _mail.ConfigureTenantAsync(otherAdmin, $"service@{other}.test", "Other desk");
        var otherTo = $"other-{Guid.NewGuid():N}@example.test";
        await QueueAsync(other, new OutgoingMessage(ChannelKinds.Email, otherTo, Key, new MailCheckModel(other, "bob")));
        (await _mail.WaitForAsync(otherTo)).From.Mailboxes.Single().Address.ShouldBe($"service@{other}.test");

        var waiting = await MessageAsync(name, id);
        waiting.Status.ShouldBe(OutgoingMessageStatus.Pending);
        waiting.Reason.ShouldNotBeNullOrEmpty();
        waiting.NextAttemptAt.ShouldBeGreaterThan(waiting.CreatedAt.AddMilliseconds(200));

        await _mail.ConfigureTenantAsync(admin, $"service@{name}.test", "Service desk");
        var mail = await _mail.WaitForAsync(to);
        mail.Subject.ShouldBe($"RetailCrm e-mail check for {name}");
        (await MessageAsync(name, id)).Status.ShouldBe(OutgoingMessageStatus.Sent);
    }

    [Fact]
    public async Task Should_keep_the_smtp_password_encrypted_and_never_show_it_back()
    {
        var name = NewName("pwd");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);

        (await admin.PutAsJsonAsync("/api/admin/settings/crm.mail.smtp-password", new { value = "s3cret-Pass", scope = "Tenant" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await admin.GetStringAsync("/api/admin/settings");
        var page = await admin.GetStringAsync("/admin/settings");
        listed.ShouldNotContain("s3cret-Pass");
        page.ShouldNotContain("s3cret-Pass");
        var stored = await factory.InTenantAsync(name, services => services.GetRequiredService<KernelDbContext>().SettingValues.AsNoTracking()
            .Where(v => v.Name == "crm.mail.smtp-password").Select(v => v.Value).SingleAsync());
        stored.ShouldNotContain("s3cret-Pass");
        (await factory.InTenantAsync(name, services => services.GetRequiredService<RetailCrm.Sdk.Settings.ISettingProvider>().GetAsync("crm.mail.smtp-password")))
            .ShouldBe("s3cret-Pass");
    }

    [Theory]
    [InlineData("en", "Message templates", "Outgoing messages", "Preview with sample data")]
    [InlineData("zh-CN", "消息模板", "外发消息", "用示例数据预览")]
    public async Task Should_show_the_template_and_message_pages_in_the_users_language(string culture, string templates, string messages, string preview)
    {
        var name = NewName("page");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/templates"));
        var editor = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/templates/{Key}?language=zh-CN"));
        var outgoing = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/messages"));

        list.ShouldContain($"<h1>{templates}</h1>");
        list.ShouldContain($"data-template=\"{Key}\" data-culture=\"zh-CN\"");
        editor.ShouldContain(preview);
        editor.ShouldContain("<span data-preview=\"subject\">RetailCrm 邮件设置检查：default</span>");
        outgoing.ShouldContain($"<h1>{messages}</h1>");
    }

    [Fact]
    public async Task Should_show_the_error_with_line_and_column_on_the_editor_page_and_save_nothing()
    {
        var name = NewName("form");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        var page = await admin.SubmitRefusedAsync($"/admin/templates/{Key}?language=en", $"/admin/templates/{Key}", ("text", "Hi {{ if }}"));

        page.ShouldContain("Line 1, column ");
        page.ShouldContain("Hi {{ if }}</textarea>");
        (await RenderAsync(name, "en")).Subject.ShouldBe($"RetailCrm e-mail check for {name}");
    }

    [Fact]
    public async Task Should_send_the_check_email_from_the_outgoing_messages_page_and_list_it_as_sent()
    {
        var name = NewName("chk");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        await _mail.ConfigureTenantAsync(admin, $"service@{name}.test", "Service desk");
        var to = $"check-{Guid.NewGuid():N}@example.test";

        var refused = await admin.SubmitRefusedAsync("/admin/messages", "/admin/messages/check", ("to", "not an address"));
        var done = await admin.SubmitAndFollowAsync("/admin/messages", "/admin/messages/check", ("to", to));

        refused.ShouldContain("Write an e-mail address, e.g. service@example.com.");
        done.ShouldContain($"A check message to {to} is queued.");
        (await _mail.WaitForAsync(to)).Subject.ShouldBe($"RetailCrm e-mail check for {name}");
        await CrmHostFactory.EventuallyAsync(async () => (await admin.GetStringAsync("/admin/messages")).Contains("data-status=\"Sent\"", StringComparison.Ordinal), "the page lists the message as sent");
    }

    private static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<RenderedTemplate> RenderAsync(string tenant, string culture)
    {
        var result = await factory.InTenantAsync(tenant, services => services.GetRequiredService<ITemplateRenderer>().RenderAsync(Key, new MailCheckModel(tenant, "ann"), culture));
        result.IsRefused.ShouldBeFalse(result.Refusal?.Text.ToString());
        return result.Value;
    }

    private Task<Guid> QueueAsync(string tenant, OutgoingMessage message) =>
        factory.InTenantAsync(tenant, services => services.GetRequiredService<IOutgoingMessages>().QueueAsync(message));

    private Task<OutgoingMessageRecord> MessageAsync(string tenant, Guid id) =>
        factory.InTenantAsync(tenant, services => services.GetRequiredService<KernelDbContext>().Set<OutgoingMessageRecord>().AsNoTracking().SingleAsync(m => m.Id == id));
}

public sealed class MessagingTestsOnSqlite(SqliteMessagingHost host) : MessagingTests(host.Factory), IClassFixture<SqliteMessagingHost>;

public sealed class MessagingTestsOnPostgres(PostgresMessagingHost host) : MessagingTests(host.Factory), IClassFixture<PostgresMessagingHost>;
