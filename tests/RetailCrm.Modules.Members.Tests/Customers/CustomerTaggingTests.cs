using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Tests.Duplicates;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Tests.Customers;

/// <summary>Tags added by another module (an analysis segment) with the members rules for tags, on SQLite and on PostgreSQL.</summary>
public abstract class CustomerTaggingTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_tag_the_active_customers_that_lack_the_tag_and_answer_how_many_gained_it()
    {
        var tenant = await MembersTenant.CreateAsync(Factory, "tag");
        var other = await MembersTenant.CreateAsync(Factory, "tag-other");
        var a = await IdAsync(tenant, new { kind = "Person", displayName = "An" });
        var b = await IdAsync(tenant, new { kind = "Person", displayName = "Bo" });
        var deleted = await IdAsync(tenant, new { kind = "Person", displayName = "Cai" });
        var tagged = await IdAsync(tenant, new { kind = "Person", displayName = "Ding", tags = new[] { "VIP" } });
        var foreign = await IdAsync(other, new { kind = "Person", displayName = "Elsewhere" });
        (await tenant.Admin.DeleteAsync($"/api/members/customers/{deleted}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var gained = await TagAsync(tenant, [a, b, deleted, tagged, foreign, a, Guid.NewGuid()], "  Vip ");

        gained.Value.ShouldBe(2);
        var listed = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/customers?tag=vip&pageSize=50");
        listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([a, b, tagged], ignoreOrder: true);
        var an = await tenant.GetCustomerAsync(a);
        an.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["vip"]);
        an.GetProperty("version").GetInt64().ShouldBe(2, "a tag is a change of the record: a form read before it must not save over it");
        (await tenant.GetCustomerAsync(tagged)).GetProperty("version").GetInt64().ShouldBe(1);
        (await tenant.DbAsync(db => db.Set<CustomerTag>().CountAsync(t => t.CustomerId == deleted))).ShouldBe(0);
        (await other.DbAsync(db => db.Set<CustomerTag>().CountAsync())).ShouldBe(0);

        (await TagAsync(tenant, [a, b, tagged], "VIP")).Value.ShouldBe(0);
        (await TagAsync(tenant, [], "vip")).Value.ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_an_empty_or_too_long_tag_and_too_many_customers_at_their_fields()
    {
        var tenant = await MembersTenant.CreateAsync(Factory, "tag-refused");
        var a = await IdAsync(tenant, new { kind = "Person", displayName = "An" });

        var empty = await TagAsync(tenant, [a], "   ");
        var tooLong = await TagAsync(tenant, [a], new string('x', ICustomerTagging.MaxTagLength + 1));
        var tooMany = await TagAsync(tenant, [.. Enumerable.Range(0, ICustomerTagging.MaxCustomers + 1).Select(_ => Guid.NewGuid())], "");

        empty.Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.Invalid);
        empty.Refusal.Fields.Select(f => f.Field).ShouldBe(["tag"]);
        tooLong.Refusal.ShouldNotBeNull().Fields.Select(f => f.Field).ShouldBe(["tag"]);
        tooMany.Refusal.ShouldNotBeNull().Fields.Select(f => f.Field).ShouldBe(["tag", "customerIds"]);
        tooMany.Refusal.Code.ShouldBe("members/invalid");
        (await tenant.DbAsync(db => db.Set<CustomerTag>().CountAsync())).ShouldBe(0);

        (await TagAsync(tenant, [a], new string('x', ICustomerTagging.MaxTagLength))).Value.ShouldBe(1);
    }

    private static async Task<Guid> IdAsync(MembersTenant tenant, object customer) => (await tenant.CustomerAsync(customer)).GetProperty("id").GetGuid();

    private Task<Result<int>> TagAsync(MembersTenant tenant, IReadOnlyCollection<Guid> ids, string tag) =>
        Factory.InTenantAsync(tenant.Name, services => services.GetRequiredService<ICustomerTagging>().TagAsync(ids, tag));
}

public sealed class SqliteCustomerTaggingTests(MembersHost host) : CustomerTaggingTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresCustomerTaggingTests(MembersPostgresHost host) : CustomerTaggingTests(host.Factory), IClassFixture<MembersPostgresHost>;
