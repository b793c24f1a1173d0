using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Tickets;

/// <summary>On PostgreSQL, where requests really run at once: numbers stay unique and one of two writers of a version wins.</summary>
public sealed class TicketConcurrencyTests(PostgresServiceHost host) : IClassFixture<PostgresServiceHost>
{
    [Fact]
    public async Task Should_number_tickets_opened_at_once_one_to_n_without_a_gap_or_a_twin()
    {
        var (_, client) = await host.TenantAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => TicketsApiTests.OpenAsync(client, $"Call {i}")));

        opened.Select(t => t.Number).Order().ShouldBe(Enumerable.Range(1, 16).Select(n => (long)n));
    }

    [Fact]
    public async Task Should_let_one_of_two_agents_changing_the_same_version_win_and_tell_the_other()
    {
        var (_, client) = await host.TenantAsync();
        var ticket = await TicketsApiTests.OpenAsync(client);

        var answers = await Task.WhenAll(
            client.PostAsJsonAsync($"/api/service/tickets/{ticket.Id}/replies", new { body = "First answer", version = ticket.Version }),
            client.PostAsJsonAsync($"/api/service/tickets/{ticket.Id}/replies", new { body = "Second answer", version = ticket.Version }));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticket.Id}");
        details.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Reply").ShouldBe(1);
    }
}
