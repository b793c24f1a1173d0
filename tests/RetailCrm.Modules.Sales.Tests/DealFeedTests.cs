using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>The deal feed another module rebuilds its facts from, paged by id, every owner's deals, on SQLite and on PostgreSQL.</summary>
public abstract class DealFeedTests(SalesHost host)
{
    [Fact]
    public async Task Should_page_through_every_deal_once_with_its_stage_amount_and_close()
    {
        var team = await host.TeamAsync();
        var (_, otherAdmin) = await host.TenantAsync();
        await OpenDealAsync(otherAdmin, "Elsewhere Ltd");
        var pipeline = await PipelineAsync(team.Seller);
        var deals = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            deals.Add(await OpenDealAsync(team.Seller, $"Prospect {i}"));
        }

        var (outsiderId, outsider) = await host.UserAsync(team.Tenant, team.Admin, "wu.fei", "sales-person");
        deals.Add(await OpenDealAsync(outsider, "Outside Ltd"));
        var relined = await team.Seller.PutAsJsonAsync($"/api/sales/opportunities/{deals[1].GetProperty("id").GetGuid()}/lines", new
        {
            version = deals[1].GetProperty("version").GetInt32(),
            lines = new[] { new { description = "Banner", quantity = 1m, unitPrice = 50_000L, discountPercent = 0m }, new { description = "Flyer", quantity = 3m, unitPrice = 333L, discountPercent = 12.5m } },
        });
        relined.StatusCode.ShouldBe(HttpStatusCode.OK, await relined.Content.ReadAsStringAsync());
        var visiting = await MovedAsync(team.Seller, deals[2], StageId(pipeline, "visit"));
        var lost = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{visiting.GetProperty("id").GetGuid()}/lose", new { version = visiting.GetProperty("version").GetInt32(), reason = "Price" });
        lost.StatusCode.ShouldBe(HttpStatusCode.OK, await lost.Content.ReadAsStringAsync());
        await WinThroughGateAsync(team, pipeline, deals[3]);

        var pages = new List<IReadOnlyList<DealRecord>>();
        Guid? after = null;
        while (await FeedAsync(team.Tenant, after, 2) is { Count: > 0 } page)
        {
            pages.Add(page);
            after = page[^1].OpportunityId;
            pages.Count.ShouldBeLessThan(100, "the feed does not end");
        }

        pages.ShouldAllBe(p => p.Count <= 2);
        var read = pages.SelectMany(p => p).ToList();
        read.Select(r => r.OpportunityId).ShouldBe(deals.Select(d => d.GetProperty("id").GetGuid()), ignoreOrder: true);
        read.Select(r => r.OpportunityId).Distinct().Count().ShouldBe(5);
        read.Select(r => r.OpportunityId).ShouldBe((await FeedAsync(team.Tenant, null, 100)).Select(r => r.OpportunityId), "the pages follow the database's order of ids");
        var stored = await DbAsync(team.Tenant, async db => await (
            from o in db.Set<Opportunity>().AsNoTracking()
            join s in db.Set<Stage>() on o.StageId equals s.Id
            select new { Deal = o, StageKey = s.Key, Lines = db.Set<OpportunityLine>().Where(l => l.OpportunityId == o.Id).Sum(l => l.Amount) }).ToListAsync());
        foreach (var row in stored)
        {
            var o = row.Deal;
            read.Single(r => r.OpportunityId == o.Id).ShouldBe(new DealRecord(o.Id, o.CustomerId, o.OwnerUserId, o.Status, row.StageKey, row.Lines, "CNY", o.CreatedAt, o.ClosedAt));
        }

        Deal(read, deals[0]).ShouldSatisfyAllConditions(d => d.Amount.ShouldBe(180_000), d => d.StageKey.ShouldBe("find-prospects"), d => d.ClosedAt.ShouldBeNull());
        Deal(read, deals[1]).Amount.ShouldBe(50_000 + 874, "2 lines, each rounded once: 3 × 333 less 12.5 % is 874.125");
        Deal(read, deals[2]).ShouldSatisfyAllConditions(d => d.Status.ShouldBe(OpportunityStatus.Lost), d => d.StageKey.ShouldBe("visit"), d => d.ClosedAt.ShouldNotBeNull());
        Deal(read, deals[3]).ShouldSatisfyAllConditions(d => d.Status.ShouldBe(OpportunityStatus.Won), d => d.StageKey.ShouldBe("sign"), d => d.ClosedAt.ShouldNotBeNull());
        Deal(read, deals[4]).OwnerUserId.ShouldBe(outsiderId);
        read.Where(d => d.OwnerUserId != outsiderId).ShouldAllBe(d => d.OwnerUserId == team.SellerId);
    }

    private static DealRecord Deal(IEnumerable<DealRecord> read, JsonElement deal) => read.Single(r => r.OpportunityId == deal.GetProperty("id").GetGuid());

    private Task<IReadOnlyList<DealRecord>> FeedAsync(string tenant, Guid? after, int pageSize) =>
        host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<IDealFeed>().ReadDealsAsync(after, pageSize));

    private Task<T> DbAsync<T>(string tenant, Func<SalesDbContext, Task<T>> work) =>
        host.Factory.InTenantAsync(tenant, services => work(services.GetRequiredService<SalesDbContext>()));
}

public sealed class SqliteDealFeedTests(SalesHost host) : DealFeedTests(host), IClassFixture<SalesHost>;

public sealed class PostgresDealFeedTests(PostgresSalesHost host) : DealFeedTests(host), IClassFixture<PostgresSalesHost>;
