using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using RetailCrm.Modules.Service.Domain.FollowUps;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Modules.Service.Tests.Calls;

namespace RetailCrm.Modules.Service.Tests.Walk;

/// <summary>
/// The real host for the walk on one database: outgoing messages sent every 200 ms, the minute mail poll slowed to an
/// hour (the walk polls when the customer has written).
/// </summary>
public abstract class WalkHost(TestDatabase database) : IDisposable
{
    public CrmHostFactory Factory { get; } = new(database, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
        ["RetailCrm:Messaging:RetryBaseMilliseconds"] = "200",
        ["RetailCrm:Service:MailPollSeconds"] = "3600",
    });

    public TestMailServer Mail { get; } = TestMailServer.FromEnvironment();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWalkHost() : WalkHost(TestDatabase.Sqlite);

public sealed class PostgresWalkHost() : WalkHost(TestDatabase.Postgres);

public sealed class SqliteServiceWalkTests(SqliteWalkHost host) : ServiceWalk(host), IClassFixture<SqliteWalkHost>;

public sealed class PostgresServiceWalkTests(PostgresWalkHost host) : ServiceWalk(host), IClassFixture<PostgresWalkHost>;

/// <summary>
/// Issue 10's walk over HTTP: a known customer calls; the agent's stream pops the customer; the agent opens a complaint;
/// its SLA clock runs; pending pauses it; the reply goes out through SMTP and arrives; the customer's answer, put into
/// the IMAP mailbox, threads into the same ticket; the agent resolves it; the CSAT mail arrives; the customer answers
/// 2 of 5; the complaint and CSAT events are delivered; closing schedules a follow-up visit; the supervisor's report
/// shows the ticket, its SLA and the score; the 360° page shows the ticket.
/// </summary>
public abstract partial class ServiceWalk(WalkHost host)
{
    [Fact]
    public async Task A_complaint_by_phone_walks_from_the_screen_pop_to_the_follow_up_visit()
    {
        var tenant = Names.Tenant("walk");
        var admin = await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), tenant);
        var serviceAddress = $"help-{Guid.NewGuid():N}"[..17] + "@shop.test";
        var customerAddress = $"zhou-{Guid.NewGuid():N}"[..17] + "@example.com";
        await host.Mail.ConfigureTenantAsync(admin, serviceAddress, "Shop service");
        var mailbox = await CreatedIdAsync(admin, "/api/service/mailboxes", new
        {
            name = "Service", host = host.Mail.ImapHost, port = host.Mail.ImapPort, security = "None", userName = "tests", password = "tests",
            address = serviceAddress, isFax = false, defaultType = "inquiry",
        });
        await CreatedIdAsync(admin, "/api/service/sla/policies", new { name = "Complaints", typeKey = "complaint", firstResponseMinutes = 240, resolutionMinutes = 2880 });
        var customer = await CreatedIdAsync(admin, "/api/members/customers", new
        {
            customer = new { kind = "Person", displayName = "Zhou Min", phone = "13800138011", email = customerAddress, tier = "gold" }, keepDespiteDuplicates = true,
        });
        var pbx = await SignedWebhook.SetUpAsync(host.Factory, tenant, admin, "pbx");
        await ScreenPopTests.GiveExtensionAsync(admin, "805");
        await using var stream = await PopStream.OpenAsync(admin);

        // The customer calls: the agent's stream pops them with their tier.
        (await pbx.PostAsync("/api/service/cti/calls", new { callId = "walk-1", @event = "ringing", from = "138 0013 8011", extension = "805" })).EnsureSuccessStatusCode();
        var pop = await stream.NextAsync(TimeSpan.FromSeconds(5));
        var popped = pop.GetProperty("customers").EnumerateArray().ShouldHaveSingleItem();
        popped.GetProperty("id").GetGuid().ShouldBe(customer);
        popped.GetProperty("tier").GetString().ShouldBe("gold");

        // The agent opens a complaint for them; its SLA clocks run.
        var opened = await admin.PostAsJsonAsync("/api/service/tickets", new
        {
            type = "complaint", subject = "Water delivered two days late", body = "Ordered for Monday, it came on Wednesday.", channel = "Phone", customerId = customer,
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var ticket = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = ticket.GetProperty("id").GetGuid();
        var number = ticket.GetProperty("number").GetInt64();
        (await ClockAsync(admin, id, "Resolution")).GetProperty("state").GetString().ShouldBe("Running");

        // Waiting for the customer pauses the clock.
        await StatusAsync(admin, id, "PendingCustomer");
        (await ClockAsync(admin, id, "Resolution")).GetProperty("state").GetString().ShouldBe("Paused");

        // The reply goes out through SMTP and arrives, with the ticket's token in its subject.
        var reply = await admin.PostAsJsonAsync($"/api/service/tickets/{id}/replies", new { body = "We are sorry; a voucher is on its way.", version = await VersionAsync(admin, id), status = "PendingCustomer" });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        var sent = await WaitForMailAsync(customerAddress, $"#{number}-");
        (sent.TextBody ?? "").ShouldContain("a voucher is on its way");
        var sentId = sent.MessageId ?? throw new InvalidOperationException("The reply has no Message-ID.");

        // The customer's answer, put into the IMAP mailbox, threads into the same ticket and opens it again.
        var answer = new MimeMessage { Subject = "Re: " + sent.Subject, Body = new TextPart("plain") { Text = "Thank you, the voucher arrived." } };
        answer.From.Add(new MailboxAddress("Zhou Min", customerAddress));
        answer.To.Add(MailboxAddress.Parse(serviceAddress));
        answer.InReplyTo = sentId;
        answer.References.Add(sentId);
        answer.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com");
        await SendToMailboxAsync(answer, serviceAddress);
        await Eventually(async () =>
        {
            (await admin.PostAsync($"/api/service/mailboxes/{mailbox}/poll", null)).EnsureSuccessStatusCode();
            return (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{id}")).GetProperty("entries").EnumerateArray()
                .Any(e => e.GetProperty("body").GetString()!.Contains("the voucher arrived", StringComparison.Ordinal));
        }, "the customer's answer threads into the ticket");
        (await TicketAsync(admin, id)).GetProperty("status").GetString().ShouldBe("Open");
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(1, "the answer opened no second ticket");

        // Resolved: the survey mail arrives and the customer answers 2 of 5.
        await StatusAsync(admin, id, "Resolved");
        var survey = await WaitForMailAsync(customerAddress, $"Ticket #{number}", notSubject: sent.Subject);
        var token = SurveyLink().Match(survey.TextBody ?? "").Groups["token"].Value;
        token.Length.ShouldBe(43, survey.TextBody);
        var anonymous = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test"), AllowAutoRedirect = false });
        (await anonymous.PostAsJsonAsync($"/api/service/surveys/{token}", new { score = 2, comment = "Late again." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The complaint and CSAT events are delivered from the module's outbox.
        await Eventually(async () => await DeliveredAsync(tenant, "service.complaint-registered") && await DeliveredAsync(tenant, "service.csat-received"), "the events are delivered");
        var csat = JsonDocument.Parse((await host.Factory.OutboxAsync(tenant, "service", "service.csat-received")).ShouldHaveSingleItem().Payload).RootElement;
        csat.GetProperty("score").GetInt32().ShouldBe(2);

        // Closing the complaint schedules its follow-up visit (回访).
        await StatusAsync(admin, id, "Closed");
        var followUp = await host.Factory.InTenantAsync(tenant, s => s.GetRequiredService<ServiceDbContext>().Set<FollowUp>().AsNoTracking().SingleAsync());
        followUp.TicketId.ShouldBe(id);

        // The supervisor's report shows the ticket, its SLA and the score; the 360° page shows the ticket.
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/service/reports");
        report.GetProperty("total").GetInt32().ShouldBe(1);
        report.GetProperty("firstResponseCompliance").GetProperty("withTarget").GetInt32().ShouldBe(1);
        report.GetProperty("firstResponseCompliance").GetProperty("met").GetInt32().ShouldBe(1);
        report.GetProperty("csat").GetProperty("average").GetDouble().ShouldBe(2.0);
        var profile = WebUtility.HtmlDecode(await admin.GetStringAsync($"/members/customers/{customer}"));
        profile.ShouldContain("Water delivered two days late");
    }

    private async Task<MimeMessage> WaitForMailAsync(string address, string subjectPart, string? notSubject = null)
    {
        MimeMessage? found = null;
        await Eventually(async () =>
        {
            found = (await host.Mail.FindAsync(address)).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal) && m.Subject != notSubject);
            return found is not null;
        }, $"a mail to {address} with '{subjectPart}'");
        return found!;
    }

    private async Task SendToMailboxAsync(MimeMessage message, string to)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(host.Mail.SmtpHost, host.Mail.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(message, message.From.Mailboxes.First(), [MailboxAddress.Parse(to)]);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>Whether the module's outbox holds the event once and the dispatcher has delivered it to its handlers.</summary>
    private async Task<bool> DeliveredAsync(string tenant, string eventName) =>
        (await host.Factory.OutboxAsync(tenant, "service", eventName)) is [{ ProcessedAt: not null }];

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> TicketAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{id}")).GetProperty("ticket");

    private static async Task<int> VersionAsync(HttpClient client, Guid id) => (await TicketAsync(client, id)).GetProperty("version").GetInt32();

    private static async Task StatusAsync(HttpClient client, Guid id, string status)
    {
        var response = await client.PutAsJsonAsync($"/api/service/tickets/{id}/status", new { status, version = await VersionAsync(client, id) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ClockAsync(HttpClient client, Guid ticket, string kind) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/service/sla/tickets/{ticket}/clocks")).EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind);

    private static Task Eventually(Func<Task<bool>> condition, string what) => CrmHostFactory.EventuallyAsync(condition, what, 30);

    [GeneratedRegex(@"/service/survey/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex SurveyLink();
}
