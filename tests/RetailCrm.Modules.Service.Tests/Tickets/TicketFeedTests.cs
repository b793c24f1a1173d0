using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Modules.Service.Tests.Calls;

namespace RetailCrm.Modules.Service.Tests.Tickets;

/// <summary>The ticket feed another module rebuilds its facts from, paged by id with each ticket's survey answer, on SQLite and on PostgreSQL.</summary>
public abstract class TicketFeedTests(ServiceHost host)
{
    [Fact]
    public async Task Should_page_through_every_ticket_once_with_its_satisfaction_answer()
    {
        var (tenant, admin) = await host.TenantAsync();
        var (_, other) = await host.TenantAsync();
        await TicketsApiTests.OpenAsync(other, "Not mine");
        var customer = await ScreenPopTests.CustomerAsync(admin, "Zhou Min", "13800138001");
        var complaint = await OpenAsync(admin, new { type = ITicketFeed.ComplaintType, subject = "Water arrived late", customerId = customer, channel = "Phone" });
        var resolved = await TicketsApiTests.OpenAsync(admin, "Card not working");
        var unanswered = await TicketsApiTests.OpenAsync(admin, "Where is my order");
        await TicketsApiTests.OpenAsync(admin, "Opening hours");
        await TicketsApiTests.OpenAsync(admin, "Lost receipt");
        await ResolveAsync(admin, resolved.Id, resolved.Version);
        await ResolveAsync(admin, unanswered.Id, unanswered.Version);
        var answeredAt = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        await DbAsync(tenant, async db =>
        {
            // The survey the resolution made, answered as the customer's link would.
            var survey = await db.Set<Survey>().SingleAsync(s => s.TicketId == resolved.Id);
            survey.Answer(4, "Quick, thanks", answeredAt);
            return await db.SaveChangesAsync();
        });

        var pages = new List<IReadOnlyList<TicketRecord>>();
        Guid? after = null;
        while (await FeedAsync(tenant, after, 2) is { Count: > 0 } page)
        {
            pages.Add(page);
            after = page[^1].TicketId;
            pages.Count.ShouldBeLessThan(100, "the feed does not end");
        }

        pages.ShouldAllBe(p => p.Count <= 2);
        var read = pages.SelectMany(p => p).ToList();
        var stored = await DbAsync(tenant, db => db.Set<Ticket>().AsNoTracking().ToListAsync());
        stored.Count.ShouldBe(5);
        read.Select(r => r.TicketId).ShouldBe(stored.Select(t => t.Id), ignoreOrder: true);
        read.Select(r => r.TicketId).Distinct().Count().ShouldBe(5);
        read.Select(r => r.TicketId).ShouldBe((await FeedAsync(tenant, null, 100)).Select(r => r.TicketId), "the pages follow the database's order of ids");
        foreach (var ticket in stored)
        {
            var answered = ticket.Id == resolved.Id;
            read.Single(r => r.TicketId == ticket.Id).ShouldBe(new TicketRecord(ticket.Id, ticket.Number, ticket.TypeKey, ticket.Channel, ticket.Status, ticket.CustomerId,
                ticket.OpenedAt, ticket.ResolvedAt, answered ? 4 : null, answered ? answeredAt : null));
        }

        read.Single(r => r.TicketId == resolved.Id).ResolvedAt.ShouldNotBeNull();
        (await DbAsync(tenant, db => db.Set<Survey>().AnyAsync(s => s.TicketId == unanswered.Id))).ShouldBeTrue("an unanswered survey gives no score");
        read.Single(r => r.TicketId == unanswered.Id).CsatScore.ShouldBeNull();
        var complained = read.Single(r => r.TicketId == complaint);
        (complained.TypeKey, complained.CustomerId, complained.Channel, complained.Status).ShouldBe((ITicketFeed.ComplaintType, (Guid?)customer, TicketChannel.Phone, TicketStatus.New));
        read.Select(r => r.Number).Order().ShouldBe([1L, 2L, 3L, 4L, 5L]);
    }

    [Fact]
    public void The_complaint_type_of_the_feed_is_the_key_of_the_complaint_tickets() =>
        ITicketFeed.ComplaintType.ShouldBe(TicketTypeKeys.Complaint);

    private static async Task<Guid> OpenAsync(HttpClient client, object ticket)
    {
        var response = await client.PostAsJsonAsync("/api/service/tickets", ticket);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ResolveAsync(HttpClient client, Guid id, int version)
    {
        var response = await client.PutAsJsonAsync($"/api/service/tickets/{id}/status", new { status = "Resolved", version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<IReadOnlyList<TicketRecord>> FeedAsync(string tenant, Guid? after, int pageSize) =>
        host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ITicketFeed>().ReadTicketsAsync(after, pageSize));

    private Task<T> DbAsync<T>(string tenant, Func<ServiceDbContext, Task<T>> work) =>
        host.Factory.InTenantAsync(tenant, services => work(services.GetRequiredService<ServiceDbContext>()));
}

public sealed class SqliteTicketFeedTests(ServiceHost host) : TicketFeedTests(host), IClassFixture<ServiceHost>;

public sealed class PostgresTicketFeedTests(PostgresServiceHost host) : TicketFeedTests(host), IClassFixture<PostgresServiceHost>;
