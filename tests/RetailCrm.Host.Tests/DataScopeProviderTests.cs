using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Tests;

/// <summary>
/// The data scope each default role gives, resolved by the real provider for a user signed in
/// with a cookie, over the tree HQ → Store A → Dept A1 and HQ → Store B.
/// </summary>
public abstract class DataScopeProviderTests(CrmHostFactory factory)
{
    private const string Password = "User-Passw0rd!";

    private sealed record Tree(string Tenant, HttpClient Admin, Guid Hq, Guid StoreA, Guid DeptA1, Guid StoreB);

    private async Task<Tree> TreeAsync()
    {
        var name = Names.Tenant("scope");
        var admin = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        var hq = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var storeA = await UnitAsync(admin, hq, "Store A", "SA", "Store");
        var deptA1 = await UnitAsync(admin, storeA, "Dept A1", "SA-1", "Department");
        var storeB = await UnitAsync(admin, hq, "Store B", "SB", "Store");
        return new Tree(name, admin, hq, storeA, deptA1, storeB);
    }

    private static async Task<Guid> UnitAsync(HttpClient admin, Guid parentId, string name, string code, string kind)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId, name, code, kind });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UserAsync(HttpClient admin, string userName, Guid? organizationUnitId, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = Password, organizationUnitId, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The principal a cookie sign-in gives the user now.</summary>
    private Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string tenant, string userName) =>
        factory.InTenantAsync(tenant, async services =>
            UserAccounts.PrincipalFor(await services.GetRequiredService<KernelDbContext>().Users.SingleAsync(u => u.UserName == userName), "Cookies"));

    /// <summary>Resolves the provider in a request-like scope of the tenant whose HTTP context carries the principal.</summary>
    private Task<DataScopeFilter> ScopeAsync(string tenant, System.Security.Claims.ClaimsPrincipal principal) =>
        factory.InTenantAsync(tenant, async services =>
        {
            var accessor = services.GetRequiredService<IHttpContextAccessor>();
            accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
            try
            {
                return await services.GetRequiredService<IDataScopeProvider>().GetAsync();
            }
            finally
            {
                accessor.HttpContext = null;
            }
        });

    private async Task<DataScopeFilter> ScopeOfAsync(string tenant, string userName) => await ScopeAsync(tenant, await PrincipalAsync(tenant, userName));

    [Fact]
    public async Task Should_limit_a_sales_person_to_his_own_rows()
    {
        var tree = await TreeAsync();
        var id = await UserAsync(tree.Admin, "sales", tree.StoreA, DefaultRoles.SalesPerson);

        var scope = await ScopeOfAsync(tree.Tenant, "sales");

        scope.Scope.ShouldBe(DataScope.Own);
        scope.UserId.ShouldBe(id);
        scope.UnitIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_limit_data_entry_to_its_own_unit_without_the_units_below()
    {
        var tree = await TreeAsync();
        var id = await UserAsync(tree.Admin, "entry", tree.StoreA, DefaultRoles.DataEntry);

        var scope = await ScopeOfAsync(tree.Tenant, "entry");

        scope.Scope.ShouldBe(DataScope.MyUnit);
        scope.UserId.ShouldBe(id);
        scope.UnitIds.ShouldBe([tree.StoreA]);
    }

    [Fact]
    public async Task Should_give_a_department_supervisor_his_unit_and_every_unit_below_but_no_sibling_or_parent()
    {
        var tree = await TreeAsync();
        await UserAsync(tree.Admin, "supervisor", tree.StoreA, DefaultRoles.DepartmentSupervisor);
        await UserAsync(tree.Admin, "head", tree.Hq, DefaultRoles.DepartmentSupervisor);

        var scope = await ScopeOfAsync(tree.Tenant, "supervisor");

        scope.Scope.ShouldBe(DataScope.MyUnitAndBelow);
        scope.UnitIds.ShouldBe([tree.StoreA, tree.DeptA1], ignoreOrder: true);
        (await ScopeOfAsync(tree.Tenant, "head")).UnitIds.ShouldBe([tree.Hq, tree.StoreA, tree.DeptA1, tree.StoreB], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_give_a_manager_every_row()
    {
        var tree = await TreeAsync();
        await UserAsync(tree.Admin, "manager", tree.StoreB, DefaultRoles.Manager);

        var scope = await ScopeOfAsync(tree.Tenant, "manager");

        scope.ShouldBe(DataScopeFilter.Everything);
    }

    [Fact]
    public async Task Should_take_the_widest_scope_of_several_roles()
    {
        var tree = await TreeAsync();
        await UserAsync(tree.Admin, "both", tree.StoreA, DefaultRoles.SalesPerson, DefaultRoles.DepartmentSupervisor);

        var scope = await ScopeOfAsync(tree.Tenant, "both");

        scope.Scope.ShouldBe(DataScope.MyUnitAndBelow);
        scope.UnitIds.ShouldBe([tree.StoreA, tree.DeptA1], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_fall_back_to_own_rows_for_a_unit_scope_without_a_unit()
    {
        var tree = await TreeAsync();
        var id = await UserAsync(tree.Admin, "floating", null, DefaultRoles.DataEntry);

        var scope = await ScopeOfAsync(tree.Tenant, "floating");

        scope.ShouldBe(new DataScopeFilter(DataScope.Own, id, []), customMessage: "no unit: only his own rows");
    }

    [Fact]
    public async Task Should_follow_a_user_moved_to_another_unit_while_signed_in()
    {
        var tree = await TreeAsync();
        var id = await UserAsync(tree.Admin, "mover", tree.StoreA, DefaultRoles.DepartmentSupervisor);
        var signedInBeforeTheMove = await PrincipalAsync(tree.Tenant, "mover");

        (await tree.Admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "mover", organizationUnitId = tree.StoreB, roles = new[] { DefaultRoles.DepartmentSupervisor }, isActive = true })).EnsureSuccessStatusCode();

        (await ScopeAsync(tree.Tenant, signedInBeforeTheMove)).UnitIds.ShouldBe([tree.StoreB]);
    }
}

public sealed class DataScopeProviderTestsOnSqlite(SqliteHost host) : DataScopeProviderTests(host.Factory), IClassFixture<SqliteHost>;

public sealed class DataScopeProviderTestsOnPostgres(PostgresHost host) : DataScopeProviderTests(host.Factory), IClassFixture<PostgresHost>;
