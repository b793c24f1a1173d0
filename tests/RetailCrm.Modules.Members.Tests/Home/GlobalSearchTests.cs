using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Application.DataQuality;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Tests.Duplicates;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Tests.Home;

/// <summary>The header's search finds customers by pinyin initials, name, phone in any format and code, within the user's data scope.</summary>
public sealed class GlobalSearchTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Theory]
    [InlineData("张伟", "ZW")]
    [InlineData("欧阳修", "OYX")]
    [InlineData("曾国藩", "ZGF")]
    [InlineData("单雄信", "SXX")]
    [InlineData("Anna Smith", "AS")]
    [InlineData("李 Lee", "LL")]
    public void Should_take_the_initials_a_clerk_types(string name, string initials) =>
        NameInitials.Of(name).ShouldBe(initials);

    [Fact]
    public async Task Should_find_a_customer_by_initials_name_phone_and_code()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "search");
        var zhang = await tenant.CustomerAsync(new { displayName = "张伟", phone = "13800138000" });
        await tenant.CustomerAsync(new { displayName = "欧阳修", phone = "13900139000" });
        var code = zhang.GetProperty("code").GetString()!;

        foreach (var term in new[] { "ZW", "zw", "张伟", "138 0013 8000", "+86 138-0013-8000", code })
        {
            var page = await SearchAsync(tenant.Admin, term);
            page.ShouldContain($"{code} 张伟", Case.Sensitive, $"'{term}' finds 张伟");
            page.ShouldNotContain("欧阳修", Case.Sensitive, $"'{term}' finds only 张伟");
        }

        (await SearchAsync(tenant.Admin, "OYX")).ShouldContain("欧阳修");
        (await SearchAsync(tenant.Admin, "••• 8000")).ShouldContain("id=\"search-empty\"");
        (await SearchAsync(tenant.Admin, "QQQ")).ShouldContain("id=\"search-empty\"");

        var one = await tenant.Admin.GetAsync($"/search?q={code}&go=1");
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        one.Headers.Location!.ToString().ShouldBe($"/members/customers/{zhang.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Should_find_only_the_customers_the_user_may_see()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "searchscope");
        var (salesId, sales) = await tenant.UserAsync("sales", "sales-person");
        await tenant.CustomerAsync(new { displayName = "王芳", phone = "13700137000", ownerUserId = salesId, unitId = await tenant.HqAsync() });
        await tenant.CustomerAsync(new { displayName = "王飞", phone = "13600136000", unitId = await tenant.HqAsync() });

        var page = await SearchAsync(sales, "WF");

        page.ShouldContain("王芳");
        page.ShouldNotContain("王飞", Case.Sensitive, "another's customer stays out of a sales person's search");
        (await SearchAsync(tenant.Admin, "WF")).ShouldContain("王飞");
    }

    [Fact]
    public async Task Should_give_customers_stored_before_initials_theirs_through_the_job()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "searchjob");
        await tenant.CustomerAsync(new { displayName = "刘洋", phone = "13500135000" });
        await _factory.InTenantAsync(tenant.Name, services => services.GetRequiredService<MembersDbContext>().Set<Customer>()
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NameInitials, "")));
        (await SearchAsync(tenant.Admin, "LY")).ShouldContain("id=\"search-empty\"", Case.Sensitive, "as a customer stored before the migration");

        await _factory.InTenantAsync(tenant.Name, async services =>
        {
            var job = services.GetServices<ICrmJob>().Single(j => j.Name == "members.name-initials");
            await job.ExecuteAsync(services, CancellationToken.None);
            return true;
        });

        (await SearchAsync(tenant.Admin, "LY")).ShouldContain("刘洋");
    }

    private static async Task<string> SearchAsync(HttpClient client, string term)
    {
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(term));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
