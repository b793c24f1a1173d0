using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Tests.Duplicates;
using static RetailCrm.Modules.Members.Tests.Import.ImportApi;

namespace RetailCrm.Modules.Members.Tests.Home;

/// <summary>
/// The members module's widgets on the home page: the supervisor's reviews and the data administrator's approvals
/// follow a change through the approval, the data administrator sees failed imports, and the customers figure keeps
/// to the user's data scope.
/// </summary>
public sealed class MembersHomeTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_show_a_change_to_the_supervisor_then_to_the_data_administrator()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "homeq");
        await tenant.SetAsync("members.change-approval", "true");
        var (salesId, sales) = await tenant.UserAsync("sales", "sales-person");
        var (_, supervisor) = await tenant.UserAsync("supervisor", "department-supervisor");
        var (_, steward) = await tenant.UserAsync("steward", "data-administrator");
        var customer = await tenant.CustomerAsync(new { displayName = "张伟", phone = "13800138000", ownerUserId = salesId, unitId = await tenant.HqAsync() });
        var code = customer.GetProperty("code").GetString()!;

        var proposed = await sales.PutAsJsonAsync($"/api/members/customers/{customer.GetProperty("id").GetGuid()}", new
        {
            customer = new { displayName = "张伟", phone = "13900139000", ownerUserId = salesId, unitId = await tenant.HqAsync() },
            version = customer.GetProperty("version").GetInt64(),
        });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Accepted, await proposed.Content.ReadAsStringAsync());
        var requestId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changeRequestId").GetGuid();

        var supervisorHome = await HomePage.OpenAsync(supervisor);
        supervisorHome.Notification("members.reviews").ShouldBe(1);
        supervisorHome.BellTotal.ShouldBe(1);
        new HomePage(await supervisor.GetStringAsync("/members/customers")).Notification("members.reviews").ShouldBe(1, "every page shows the bell");
        (await HomePage.OpenAsync(steward)).Notification("members.approvals").ShouldBeNull("nothing to approve yet");
        var review = supervisorHome.Widget("members.reviews");
        review.ShouldContain($"{code} 张伟");
        review.ShouldContain("All 1");
        (await HomePage.OpenAsync(supervisor)).Has("members.approvals").ShouldBeFalse("a supervisor reviews, never approves");
        (await HomePage.OpenAsync(steward)).Widget("members.approvals").ShouldContain("No change waits for you.");
        (await HomePage.OpenAsync(sales)).HasAny("members.reviews").ShouldBeFalse();

        (await supervisor.PostAsJsonAsync($"/api/members/change-requests/{requestId}/review", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await HomePage.OpenAsync(supervisor)).Widget("members.reviews").ShouldContain("No change waits for you.");
        (await HomePage.OpenAsync(supervisor)).BellTotal.ShouldBe(0);
        (await HomePage.OpenAsync(steward)).Widget("members.approvals").ShouldContain($"{code} 张伟");
        (await HomePage.OpenAsync(steward)).Notification("members.approvals").ShouldBe(1);
    }

    [Fact]
    public async Task Should_show_failed_imports_to_the_data_administrator()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "homeimp");
        var (_, steward) = await tenant.UserAsync("steward", "data-administrator");
        (await HomePage.OpenAsync(steward)).Widget("members.failed-imports").ShouldContain("No import failed.");

        var batch = await UploadOkAsync(tenant.Admin, "春季会员.csv", Csv([["Name", "Phone"], ["王芳", "13700137000"]]));
        var id = Guid.Parse(batch["id"]!.GetValue<string>());
        // A commit fails only when the database refuses it; the batch is marked as the importer marks it then.
        await _factory.InTenantAsync(tenant.Name, services => services.GetRequiredService<MembersDbContext>().Set<ImportBatch>()
            .Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Failed)));

        var failed = (await HomePage.OpenAsync(steward)).Widget("members.failed-imports");
        failed.ShouldContain("春季会员.csv");
        failed.ShouldContain($"href=\"/members/imports/{id}\"");
    }

    [Fact]
    public async Task Should_count_only_the_customers_the_user_may_see()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "homecnt");
        var (salesId, sales) = await tenant.UserAsync("sales", "sales-person");
        await tenant.CustomerAsync(new { displayName = "李娜", phone = "13600136000", ownerUserId = salesId, unitId = await tenant.HqAsync() });
        await tenant.CustomerAsync(new { displayName = "赵磊", phone = "13500135000", unitId = await tenant.HqAsync(), birthday = DateTime.Now.AddYears(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        (await HomePage.OpenAsync(tenant.Admin)).Widget("members.customers").ShouldContain("2 new in the last 30 days");
        (await HomePage.OpenAsync(sales)).Widget("members.customers").ShouldContain("1 new in the last 30 days", Case.Sensitive, "a sales person sees their own customers");
        (await HomePage.OpenAsync(tenant.Admin)).Notification("members.care-today").ShouldBe(1, "赵磊's birthday is today");
        (await HomePage.OpenAsync(sales)).Notification("members.care-today").ShouldBeNull("not a customer of the sales person");
    }
}
