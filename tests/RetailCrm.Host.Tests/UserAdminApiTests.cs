using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Host.Tests.ProblemDetailsAssertions;

namespace RetailCrm.Host.Tests;

public sealed class UserAdminApiTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private const string UserPassword = "User-Passw0rd!";
    private readonly CrmHostFactory _factory = host.Factory;

    private async Task<(HttpClient Admin, string Host)> TenantAsync()
    {
        var name = Names.Tenant("users");
        return (await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), name), $"{name}.test");
    }

    private static async Task<JsonElement> CreateUserAsync(HttpClient admin, string userName, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = UserPassword, roles });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> IdOfAsync(HttpClient admin, string userName) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();

    private static async Task<Guid> HeadOfficeAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == "HQ").GetProperty("id").GetGuid();

    [Fact]
    public async Task Should_end_the_session_of_a_user_deactivated_after_signing_in()
    {
        var (admin, host) = await TenantAsync();
        await CreateUserAsync(admin, "leaver", "manager");
        var leaver = await _factory.SignedInClientAsync(host, "leaver", UserPassword);
        var id = await IdOfAsync(admin, "leaver");

        var deactivated = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "leaver", roles = new[] { "manager" }, isActive = false });
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await leaver.GetAsync("/api/admin/modules");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_update_display_name_unit_roles_and_active_flag()
    {
        var (admin, _) = await TenantAsync();
        var user = await CreateUserAsync(admin, "bob", "sales-person");
        var id = user.GetProperty("id").GetGuid();
        var store = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId = await HeadOfficeAsync(admin), name = "Store A", code = "SA", kind = "Store" });
        var storeId = (await store.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Bob Li", organizationUnitId = storeId, roles = new[] { "data-entry", "store-clerk" }, isActive = false });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}");
        updated.GetProperty("displayName").GetString().ShouldBe("Bob Li");
        updated.GetProperty("organizationUnitId").GetGuid().ShouldBe(storeId);
        updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["data-entry", "store-clerk"]);
        updated.GetProperty("isActive").GetBoolean().ShouldBeFalse();

        var reactivated = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Bob Li", organizationUnitId = (Guid?)null, roles = Array.Empty<string>(), isActive = true });
        var body = await reactivated.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        body.GetProperty("roles").GetArrayLength().ShouldBe(0);
        body.GetProperty("organizationUnitId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Should_refuse_a_deactivated_user_at_sign_in_and_let_him_in_again_when_reactivated()
    {
        var (admin, host) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "carol", "sales-person")).GetProperty("id").GetGuid();

        (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "carol", roles = new[] { "sales-person" }, isActive = false })).EnsureSuccessStatusCode();
        await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(host, "carol", UserPassword));

        (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "carol", roles = new[] { "sales-person" }, isActive = true })).EnsureSuccessStatusCode();
        await _factory.SignedInClientAsync(host, "carol", UserPassword);
    }

    [Fact]
    public async Task Should_refuse_an_update_naming_each_field_at_fault()
    {
        var (admin, _) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "dave")).GetProperty("id").GetGuid();

        var unknownRole = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Dave", roles = new[] { "no-such-role" }, isActive = true });
        ErrorFields(await ProblemAsync(unknownRole, HttpStatusCode.BadRequest, "unknown-role")).ShouldBe(["roles"]);

        var unknownUnit = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Dave", organizationUnitId = Guid.NewGuid(), roles = Array.Empty<string>(), isActive = true });
        ErrorFields(await ProblemAsync(unknownUnit, HttpStatusCode.BadRequest, "unknown-unit")).ShouldBe(["organizationUnitId"]);

        var both = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Dave", organizationUnitId = Guid.NewGuid(), roles = new[] { "nope" }, isActive = true });
        ErrorFields(await ProblemAsync(both, HttpStatusCode.BadRequest, "validation")).Order().ShouldBe(["organizationUnitId", "roles"]);

        var blank = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "  ", roles = Array.Empty<string>(), isActive = true });
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await blank.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["displayName"]);

        var missing = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Dave" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await missing.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["isActive", "roles"], ignoreOrder: true);

        var nobody = await admin.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}", new { displayName = "X", roles = Array.Empty<string>(), isActive = true });
        await ProblemAsync(nobody, HttpStatusCode.NotFound, "not-found");

        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}")).GetProperty("displayName").GetString().ShouldBe("dave");
    }

    [Fact]
    public async Task Should_refuse_a_user_deactivating_himself()
    {
        var (admin, _) = await TenantAsync();
        var me = await IdOfAsync(admin, "admin");

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{me}", new { displayName = "Me", roles = new[] { "admin" }, isActive = false });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "cannot-deactivate-self");
        ErrorFields(problem).ShouldBe(["isActive"]);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{me}")).GetProperty("isActive").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Should_refuse_taking_away_the_last_active_administrator()
    {
        var (admin, _) = await TenantAsync();
        var me = await IdOfAsync(admin, "admin");

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{me}", new { displayName = "Me", roles = new[] { "manager" }, isActive = true });
        ErrorFields(await ProblemAsync(response, HttpStatusCode.Conflict, "last-administrator")).ShouldBe(["roles"]);

        await CreateUserAsync(admin, "second-admin", "admin");
        (await admin.PutAsJsonAsync($"/api/admin/users/{me}", new { displayName = "Me", roles = new[] { "manager", "admin" }, isActive = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await IdOfAsync(admin, "second-admin");
        (await admin.PutAsJsonAsync($"/api/admin/users/{second}", new { displayName = "Second", roles = new[] { "admin" }, isActive = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_set_a_new_password_that_the_user_signs_in_with()
    {
        var (admin, host) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "erin", "sales-person")).GetProperty("id").GetGuid();

        var response = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "Brand-New-Pass1" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await _factory.SignedInClientAsync(host, "erin", "Brand-New-Pass1");
        await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(host, "erin", UserPassword));
    }

    [Fact]
    public async Task Should_refuse_a_password_shorter_than_10_characters_or_for_an_unknown_user()
    {
        var (admin, host) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "frank")).GetProperty("id").GetGuid();

        var tooShort = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "short-9ch" });
        ErrorFields(await ProblemAsync(tooShort, HttpStatusCode.BadRequest, "weak-password")).ShouldBe(["password"]);

        var missing = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await missing.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["password"]);

        await ProblemAsync(await admin.PostAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}/password", new { password = "Long-enough-1" }), HttpStatusCode.NotFound, "not-found");
        await _factory.SignedInClientAsync(host, "frank", UserPassword);
    }

    [Fact]
    public async Task Should_unlock_a_user_locked_out_after_wrong_passwords()
    {
        var (admin, host) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "gina")).GetProperty("id").GetGuid();
        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(host, "gina", "wrong-password"));
        }

        await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(host, "gina", UserPassword));
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}")).GetProperty("lockedOut").GetBoolean().ShouldBeTrue();

        var response = await admin.PostAsync($"/api/admin/users/{id}/unlock", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOut").GetBoolean().ShouldBeFalse();
        await _factory.SignedInClientAsync(host, "gina", UserPassword);
        await ProblemAsync(await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/unlock", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Should_refuse_user_administration_without_the_permission()
    {
        var (admin, host) = await TenantAsync();
        var id = (await CreateUserAsync(admin, "hank", "sales-person")).GetProperty("id").GetGuid();
        var sales = await _factory.SignedInClientAsync(host, "hank", UserPassword);

        (await sales.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Hank", roles = new[] { "admin" }, isActive = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "Long-enough-1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.PostAsync($"/api/admin/users/{id}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_delete_only_a_role_that_is_not_a_default_role_and_that_nobody_holds()
    {
        var (admin, _) = await TenantAsync();
        (await admin.PutAsJsonAsync("/api/admin/roles/auditor", new { name = "auditor", displayName = "Auditor", dataScope = "All", permissions = new[] { "crm.admin.audit" } })).EnsureSuccessStatusCode();
        var id = (await CreateUserAsync(admin, "ivan", "auditor")).GetProperty("id").GetGuid();

        ErrorFields(await ProblemAsync(await admin.DeleteAsync("/api/admin/roles/manager"), HttpStatusCode.Conflict, "default-role")).ShouldBe(["id"]);
        var held = await ProblemAsync(await admin.DeleteAsync("/api/admin/roles/auditor"), HttpStatusCode.Conflict, "role-in-use");
        held.GetProperty("detail").GetString()!.ShouldContain("1 user");

        (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Ivan", roles = Array.Empty<string>(), isActive = true })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/admin/roles/auditor")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetStringAsync("/api/admin/roles")).ShouldNotContain("auditor");
        await ProblemAsync(await admin.DeleteAsync("/api/admin/roles/auditor"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Should_rename_a_unit_and_refuse_a_code_taken_in_another_case()
    {
        var (admin, _) = await TenantAsync();
        var hq = await HeadOfficeAsync(admin);

        var taken = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId = hq, name = "Another HQ", code = "hq", kind = "Region" });
        ErrorFields(await ProblemAsync(taken, HttpStatusCode.Conflict, "unit-code-taken")).ShouldBe(["code"]);

        var renamed = await admin.PutAsJsonAsync($"/api/admin/organization-units/{hq}", new { name = "Head office Shanghai" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Head office Shanghai");
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/admin/organization-units/{Guid.NewGuid()}", new { name = "X" }), HttpStatusCode.NotFound, "not-found");
    }
}
