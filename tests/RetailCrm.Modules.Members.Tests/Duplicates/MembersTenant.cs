using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Tests.Duplicates;

/// <summary>A fresh tenant with the members module, its admin client, and helpers for customers and users over the real API.</summary>
internal sealed class MembersTenant
{
    public const string UserPassword = "User-Passw0rd!";

    private MembersTenant(CrmHostFactory factory, string name, HttpClient admin)
    {
        Factory = factory;
        Name = name;
        Admin = admin;
    }

    public CrmHostFactory Factory { get; }

    public string Name { get; }

    public string Host => $"{Name}.test";

    public HttpClient Admin { get; }

    public static async Task<MembersTenant> CreateAsync(CrmHostFactory factory, string prefix)
    {
        var name = Names.Tenant(prefix);
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name, "members");
        return new MembersTenant(factory, name, admin);
    }

    /// <summary>Creates a customer through the API (keeping it despite likely duplicates) and returns it.</summary>
    public async Task<JsonElement> CustomerAsync(object customer, HttpClient? client = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/members/customers", new { customer, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetCustomerAsync(Guid id, HttpClient? client = null)
    {
        var response = await (client ?? Admin).GetAsync($"/api/members/customers/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a user with roles in the HQ unit; returns its id and a client signed in as it.</summary>
    public async Task<(Guid Id, HttpClient Client)> UserAsync(string userName, params string[] roles)
    {
        var hq = (await Admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().First().GetProperty("id").GetGuid();
        var response = await Admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = UserPassword, roles, organizationUnitId = hq });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, await Factory.SignedInClientAsync(Host, userName, UserPassword));
    }

    public async Task<Guid> HqAsync() =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().First().GetProperty("id").GetGuid();

    public async Task SetAsync(string setting, string value)
    {
        var response = await Admin.PutAsJsonAsync($"/api/admin/settings/{setting}", new { value, scope = "Tenant" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Works on the members database of this tenant, as the module would.</summary>
    public Task<T> DbAsync<T>(Func<MembersDbContext, Task<T>> work) =>
        Factory.InTenantAsync(Name, services => work(services.GetRequiredService<MembersDbContext>()));
}
