using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Tests.Duplicates;
using static RetailCrm.Modules.Members.Tests.Purchases.PurchaseTestKit;

namespace RetailCrm.Modules.Members.Tests.Customers;

/// <summary>The customer and purchase feed another module rebuilds its copy from, paged by id, on SQLite and on PostgreSQL.</summary>
public abstract class CustomerFeedTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_page_through_every_customer_of_the_tenant_once_whatever_its_status()
    {
        var tenant = await MembersTenant.CreateAsync(Factory, "feed");
        var other = await MembersTenant.CreateAsync(Factory, "feed-other");
        await other.CustomerAsync(new { kind = "Person", displayName = "Not mine" });
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await tenant.CustomerAsync(new { kind = "Person", displayName = $"顾客 {i}" })).GetProperty("id").GetGuid());
        }

        var full = (await tenant.CustomerAsync(new
        {
            kind = "Organization", displayName = "Acme Trading", phone = "138 0013 8000", email = " Buyer@Acme.COM ", tier = "gold",
            marketingConsent = true, birthday = "1990-05-01",
        })).GetProperty("id").GetGuid();
        ids.Add(full);
        (await tenant.Admin.DeleteAsync($"/api/members/customers/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await tenant.DbAsync(db => db.Set<Customer>().Where(c => c.Id == ids[1])
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CustomerStatus.Merged).SetProperty(c => c.MergedIntoId, full)));

        var pages = await ReadAllAsync(tenant.Name, (feed, after) => feed.ReadCustomersAsync(after, 3), r => r.Id);

        pages.ShouldAllBe(p => p.Count <= 3);
        var read = pages.SelectMany(p => p).ToList();
        read.Select(r => r.Id).ShouldBe(ids, ignoreOrder: true);
        read.Select(r => r.Id).Distinct().Count().ShouldBe(read.Count);
        var whole = await InTenantAsync(tenant.Name, feed => feed.ReadCustomersAsync(null, 100));
        read.Select(r => r.Id).ShouldBe(whole.Select(r => r.Id), "the pages follow the database's order of ids");
        read.Single(r => r.Id == ids[0]).IsActive.ShouldBeFalse();
        read.Single(r => r.Id == ids[1]).ShouldSatisfyAllConditions(r => r.IsActive.ShouldBeFalse(), r => r.MergedIntoId.ShouldBe(full));
        read.Where(r => r.Id != ids[0] && r.Id != ids[1]).ShouldAllBe(r => r.IsActive && r.MergedIntoId == null);

        var acme = read.Single(r => r.Id == full);
        var stored = await tenant.DbAsync(db => db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == full));
        acme.ShouldBe(new CustomerRecord(full, stored.Code, CustomerKind.Organization, "Acme Trading", "+8613800138000", "buyer@acme.com", "gold",
            stored.LifecycleClass, stored.OwnerUserId, stored.UnitId, true, new DateOnly(1990, 5, 1), true, null, stored.UpdatedAt));
        acme.OwnerUserId.ShouldNotBeNull();
    }

    [Fact]
    public async Task Should_clamp_the_page_size_to_one_and_to_ten_thousand()
    {
        var tenant = await MembersTenant.CreateAsync(Factory, "feed-clamp");
        await tenant.CustomerAsync(new { kind = "Person", displayName = "One" });
        await tenant.CustomerAsync(new { kind = "Person", displayName = "Two" });

        (await InTenantAsync(tenant.Name, feed => feed.ReadCustomersAsync(null, 0))).Count.ShouldBe(1);
        (await InTenantAsync(tenant.Name, feed => feed.ReadCustomersAsync(null, -5))).Count.ShouldBe(1);
        (await InTenantAsync(tenant.Name, feed => feed.ReadCustomersAsync(null, int.MaxValue))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_page_through_every_purchase_of_the_tenant_once()
    {
        var (tenant, client) = await TenantAsync(Factory, "feed-buy");
        var (_, otherClient) = await TenantAsync(Factory, "feed-buy-other");
        await RecordAsync(otherClient, Receipt(await CustomerAsync(otherClient, "别人"), "X-1"));
        var wang = await CustomerAsync(client, "王芳");
        var li = await CustomerAsync(client, "李娜");
        var at = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        var recorded = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            recorded.Add(await RecordAsync(client, Receipt(i % 2 == 0 ? wang : li, $"R-{i}", 1_000 + i, at.AddHours(i), store: $"S00{i}")));
        }

        var pages = await ReadAllAsync(tenant, (feed, after) => feed.ReadPurchasesAsync(after, 2), r => r.Id);

        pages.ShouldAllBe(p => p.Count <= 2);
        var read = pages.SelectMany(p => p).ToList();
        read.Select(r => r.Id).ShouldBe(recorded.Select(r => r.GetProperty("id").GetGuid()), ignoreOrder: true);
        read.Select(r => r.Id).Distinct().Count().ShouldBe(5);
        var third = read.Single(r => r.ReceiptId == "R-3");
        third.ShouldBe(new PurchaseRecord(third.Id, li.GetProperty("id").GetGuid(), "R-3", "S003", third.PurchasedAt, 1_003, "CNY", "wechat"));
        third.PurchasedAt.ShouldBe(at.AddHours(3), TimeSpan.FromMilliseconds(1));
    }

    private Task<List<IReadOnlyList<T>>> ReadAllAsync<T>(string tenant, Func<ICustomerFeed, Guid?, Task<IReadOnlyList<T>>> read, Func<T, Guid> id) =>
        Factory.ReadAllAsync(tenant, read, id);

    private Task<T> InTenantAsync<T>(string tenant, Func<ICustomerFeed, Task<T>> work) =>
        Factory.InTenantAsync(tenant, services => work(services.GetRequiredService<ICustomerFeed>()));
}

public sealed class SqliteCustomerFeedTests(MembersHost host) : CustomerFeedTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresCustomerFeedTests(MembersPostgresHost host) : CustomerFeedTests(host.Factory), IClassFixture<MembersPostgresHost>;
