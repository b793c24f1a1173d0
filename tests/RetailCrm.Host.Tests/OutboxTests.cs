using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Tests;

public abstract class OutboxTests(CrmHostFactory factory)
{
    private async Task<(HttpClient Client, string Tenant)> NewTenantAsync()
    {
        var name = Names.Tenant("events");
        return (await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name), name);
    }

    private Task<List<EventDelivery>> DeliveriesAsync(string handlerPart) =>
        factory.InTenantAsync("default", async services =>
            await services.GetRequiredService<KernelDbContext>().EventDeliveries.AsNoTracking()
                .Where(d => d.Handler.Contains(handlerPart)).ToListAsync());

    [Fact]
    public async Task Should_deliver_an_event_to_the_handler_of_another_module()
    {
        var (client, _) = await NewTenantAsync();

        (await client.PostAsJsonAsync("/api/alpha/things", new { name = "delivered-thing" })).EnsureSuccessStatusCode();

        await CrmHostFactory.EventuallyAsync(async () => (await client.GetStringAsync("/api/beta/received")).Contains("delivered-thing"), "beta to receive the event");
    }

    [Fact]
    public async Task Should_retry_a_failing_handler_until_it_succeeds()
    {
        var (client, _) = await NewTenantAsync();
        var name = "fail-twice-" + Guid.NewGuid().ToString("N")[..6];

        (await client.PostAsJsonAsync("/api/alpha/things", new { name })).EnsureSuccessStatusCode();

        await CrmHostFactory.EventuallyAsync(async () => (await client.GetStringAsync("/api/beta/received")).Contains(name), "beta to receive after retries");
    }

    [Fact]
    public async Task Should_keep_the_change_and_show_the_delivery_to_admins_when_a_handler_keeps_failing()
    {
        var (client, _) = await NewTenantAsync();
        var name = "fail-always-" + Guid.NewGuid().ToString("N")[..6];

        (await client.PostAsJsonAsync("/api/alpha/things", new { name })).EnsureSuccessStatusCode();

        (await client.GetStringAsync("/api/alpha/things")).ShouldContain(name);
        JsonElement failed = default;
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            failed = await client.GetFromJsonAsync<JsonElement>("/api/admin/events/failed");
            return failed.GetArrayLength() > 0;
        }, "the delivery to be given up");
        var delivery = failed[0];
        delivery.GetProperty("attempts").GetInt32().ShouldBe(3);
        delivery.GetProperty("lastError").GetString()!.ShouldNotBeNullOrEmpty();
        (await client.GetStringAsync("/admin/events")).ShouldContain("alpha.thing-created");
        var queue = (await HomePage.OpenAsync(client)).Widget("crm.failed-deliveries");
        queue.ShouldContain("alpha.thing-created");
        queue.ShouldContain("3 attempts");
        (await HomePage.OpenAsync(client)).Notification("crm.failed-deliveries").ShouldBe(1);

        var retry = await client.PostAsync($"/api/admin/events/{delivery.GetProperty("id").GetString()}/retry", null);
        retry.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Should_send_a_given_up_delivery_again_from_the_events_page_and_answer_404_for_one_that_is_not_there()
    {
        var (client, _) = await NewTenantAsync();
        var name = "fail-always-" + Guid.NewGuid().ToString("N")[..6];
        (await client.PostAsJsonAsync("/api/alpha/things", new { name })).EnsureSuccessStatusCode();
        JsonElement failed = default;
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            failed = await client.GetFromJsonAsync<JsonElement>("/api/admin/events/failed");
            return failed.GetArrayLength() > 0;
        }, "the delivery to be given up");
        var id = failed[0].GetProperty("id").GetString()!;

        var page = await client.GetStringAsync("/admin/events");
        var sent = await client.SubmitAndFollowAsync("/admin/events", $"/admin/events/{id}/retry");
        var unknown = Guid.NewGuid().ToString();
        var gone = await client.SubmitHtmlAsync(page.Replace(id, unknown, StringComparison.Ordinal), $"/admin/events/{unknown}/retry");

        page.ShouldContain($"action=\"/admin/events/{id}/retry\"");
        sent.ShouldContain("alpha.thing-created to ");
        sent.ShouldContain(" is sent again.");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_not_deliver_to_a_handler_whose_module_is_off_for_the_tenant()
    {
        var (client, _) = await NewTenantAsync();
        (await client.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = false })).EnsureSuccessStatusCode();
        var name = "while-beta-off-" + Guid.NewGuid().ToString("N")[..6];

        (await client.PostAsJsonAsync("/api/alpha/things", new { name })).EnsureSuccessStatusCode();
        await CrmHostFactory.EventuallyAsync(async () => (await DeliveriesAsync("beta")).Any(d => d.Status == DeliveryStatus.Skipped), "the beta delivery to be skipped");

        (await client.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = true })).EnsureSuccessStatusCode();
        (await client.GetStringAsync("/api/beta/received")).ShouldNotContain(name);
    }
}

public sealed class OutboxTestsOnSqlite(SqliteHost host) : OutboxTests(host.Factory), IClassFixture<SqliteHost>;

public sealed class OutboxTestsOnPostgres(PostgresHost host) : OutboxTests(host.Factory), IClassFixture<PostgresHost>;
