using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Tests;

/// <summary>
/// The kernel's timeline collector over the sample modules: alpha gives five entries a day apart, beta's contributor
/// always throws.
/// </summary>
public sealed class CustomerTimelineTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    /// <summary>As alpha's timeline gives them (the sample is loaded as a module, not referenced).</summary>
    private static readonly DateTime AlphaFirst = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    private const int AlphaCount = 5;

    [Fact]
    public async Task Should_merge_the_enabled_modules_entries_newest_first_and_leave_out_one_that_throws()
    {
        var (name, _) = await TenantAsync();

        var page = await TimelineAsync(name, new TimelineQuery(Guid.NewGuid()));

        page.Entries.Select(e => e.Title).ShouldBe(["Alpha thing 5", "Alpha thing 4", "Alpha thing 3", "Alpha thing 2", "Alpha thing 1"]);
        page.Entries.ShouldAllBe(e => e.Module == "alpha");
        page.Entries[0].Amount!.Minor.ShouldBe(500);
        page.HasMore.ShouldBeFalse();
        page.NextBefore.ShouldBeNull();
        page.Modules.ShouldBe(["alpha", "beta"]);
    }

    [Fact]
    public async Task Should_page_back_with_before_until_nothing_is_left()
    {
        var (name, _) = await TenantAsync();
        var customerId = Guid.NewGuid();

        var first = await TimelineAsync(name, new TimelineQuery(customerId, Max: 2));
        var second = await TimelineAsync(name, new TimelineQuery(customerId, first.NextBefore, 2));
        var third = await TimelineAsync(name, new TimelineQuery(customerId, second.NextBefore, 2));

        first.Entries.Select(e => e.Title).ShouldBe(["Alpha thing 5", "Alpha thing 4"]);
        first.HasMore.ShouldBeTrue();
        first.NextBefore.ShouldBe(AlphaFirst.AddDays(3));
        second.Entries.Select(e => e.Title).ShouldBe(["Alpha thing 3", "Alpha thing 2"]);
        third.Entries.Select(e => e.Title).ShouldBe(["Alpha thing 1"]);
        third.HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task Should_ask_only_the_modules_the_tenant_has_on_and_the_one_filtered_for()
    {
        var (name, client) = await TenantAsync();
        var customerId = Guid.NewGuid();

        (await TimelineAsync(name, new TimelineQuery(customerId) { Module = "beta" })).Entries.ShouldBeEmpty();
        (await TimelineAsync(name, new TimelineQuery(customerId) { Module = "alpha" })).Entries.Count.ShouldBe(AlphaCount);

        foreach (var id in new[] { "beta", "json-plugin", "alpha" })
        {
            (await client.PutAsJsonAsync($"/api/admin/modules/{id}", new { enabled = false })).EnsureSuccessStatusCode();
        }

        var off = await TimelineAsync(name, new TimelineQuery(customerId));
        off.Entries.ShouldBeEmpty();
        off.Modules.ShouldBeEmpty();
    }

    private async Task<(string Name, HttpClient Client)> TenantAsync()
    {
        var name = Names.Tenant("timeline");
        return (name, await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), name));
    }

    private Task<TimelinePage> TimelineAsync(string tenant, TimelineQuery query) =>
        host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<ICustomerTimeline>().GetAsync(query));
}
