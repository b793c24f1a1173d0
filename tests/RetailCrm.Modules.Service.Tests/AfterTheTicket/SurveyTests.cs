using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>The satisfaction survey of a resolved ticket, from the mail that arrives in the real smtp4dev to the customer's answer.</summary>
public sealed partial class SurveyTests(MailHost host) : IClassFixture<MailHost>
{
    private readonly TestMailServer _mail = TestMailServer.FromEnvironment();

    [Fact]
    public async Task Should_mail_a_survey_on_resolve_take_one_answer_publish_it_and_refuse_the_second()
    {
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var customer = $"{tenant}@example.com";
        var ticket = await OpenAsync(admin, customer);

        await ResolveAsync(admin, ticket);

        var message = await _mail.WaitForAsync(customer);
        message.Subject.ShouldBe($"How did we do? Ticket #{ticket.Number}");
        var link = LinkPattern().Match(message.TextBody ?? "");
        link.Success.ShouldBeTrue(message.TextBody);
        link.Groups["base"].Value.ShouldBe($"http://{tenant}.test");
        var token = link.Groups["token"].Value;
        var customerClient = host.Anonymous(tenant);

        var first = await customerClient.PostAsJsonAsync($"/api/service/surveys/{token}", new { score = 2, comment = "Too slow." });
        var second = await customerClient.PostAsJsonAsync($"/api/service/surveys/{token}", new { score = 5 });

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("service/survey-answered");
        var csat = (await host.Factory.OutboxAsync(tenant, "service", "service.csat-received")).ShouldHaveSingleItem();
        var payload = JsonDocument.Parse(csat.Payload).RootElement;
        payload.GetProperty("score").GetInt32().ShouldBe(2);
        payload.GetProperty("ticketId").GetGuid().ShouldBe(ticket.Id);
        var page = await customerClient.GetAsync($"/service/survey/{token}");
        page.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await page.Content.ReadAsStringAsync()).ShouldContain("data-outcome=\"AlreadyAnswered\"");
    }

    [Fact]
    public async Task Should_answer_404_for_a_tampered_token_and_store_only_the_hash()
    {
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var customer = $"{tenant}@example.com";
        await ResolveAsync(admin, await OpenAsync(admin, customer));
        var token = LinkPattern().Match((await _mail.WaitForAsync(customer)).TextBody ?? "").Groups["token"].Value;
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        var refused = await host.Anonymous(tenant).PostAsJsonAsync($"/api/service/surveys/{tampered}", new { score = 4 });
        var page = await host.Anonymous(tenant).GetAsync($"/service/survey/{tampered}");

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<Survey>().AsNoTracking().SingleAsync());
        stored.TokenHash.ShouldBe(Survey.HashOf(token));
        stored.TokenHash!.ShouldNotContain(token);
    }

    [Fact]
    public async Task Should_take_the_answer_on_the_survey_page_showing_a_wrong_score_at_its_field()
    {
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var customer = $"{tenant}@example.com";
        await ResolveAsync(admin, await OpenAsync(admin, customer));
        var token = LinkPattern().Match((await _mail.WaitForAsync(customer)).TextBody ?? "").Groups["token"].Value;
        var client = host.Anonymous(tenant);
        var url = $"/service/survey/{token}";

        var refused = await client.SubmitAsync(url, url, ("Score", "9"), ("Comment", "x"));
        var answered = await client.SubmitAsync(url, url, ("Score", "4"), ("Comment", "Friendly, thanks"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Choose a score from 1 to 5.");
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).ShouldContain("data-outcome=\"Thanks\"");
        var stored = await host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<Survey>().AsNoTracking().SingleAsync());
        (stored.Score, stored.Comment).ShouldBe((4, "Friendly, thanks"));
    }

    [Fact]
    public async Task Should_refuse_an_answer_after_the_link_expired()
    {
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var customer = $"{tenant}@example.com";
        await ResolveAsync(admin, await OpenAsync(admin, customer));
        var token = LinkPattern().Match((await _mail.WaitForAsync(customer)).TextBody ?? "").Groups["token"].Value;
        await host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<Survey>()
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var late = await host.Anonymous(tenant).PostAsJsonAsync($"/api/service/surveys/{token}", new { score = 3 });

        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await host.Factory.OutboxAsync(tenant, "service", "service.csat-received")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_send_the_survey_by_sms_when_the_ticket_has_only_a_phone()
    {
        var (tenant, admin) = await host.TenantAsync();
        var response = await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Where is my water?", body = "Hello", contactName = "Wang Wu", contactPhone = "138 0013 8001", channel = "Phone" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();

        await ResolveAsync(admin, (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("number").GetInt64(), ticket.GetProperty("version").GetInt32()));

        var survey = await WaitForAsync(tenant, s => s.SentAt != null);
        (survey.Channel, survey.Address).ShouldBe(("sms", "+8613800138001"));
    }

    internal static async Task<(Guid Id, long Number, int Version)> OpenAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/service/tickets", new { subject = "Water arrived late", body = "Hello", contactName = "Han Meimei", contactEmail = email, channel = "Email" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("number").GetInt64(), ticket.GetProperty("version").GetInt32());
    }

    internal static async Task ResolveAsync(HttpClient client, (Guid Id, long Number, int Version) ticket)
    {
        var response = await client.PutAsJsonAsync($"/api/service/tickets/{ticket.Id}/status", new { status = "Resolved", version = ticket.Version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Survey> WaitForAsync(string tenant, Func<Survey, bool> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var survey = await host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<Survey>().AsNoTracking().SingleOrDefaultAsync());
            if (survey is not null && done(survey))
            {
                return survey;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The survey was not sent.");
    }

    [GeneratedRegex(@"(?<base>https?://[^/\s]+)/service/survey/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
