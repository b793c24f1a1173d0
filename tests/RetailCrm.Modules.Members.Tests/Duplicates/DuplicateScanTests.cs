using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Application.Duplicates;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Tests.Duplicates;

/// <summary>The background duplicate scan over the real host: planted pairs found with their scores, idempotent, dismissals kept.</summary>
public sealed class DuplicateScanTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    /// <summary>Plants six likely pairs and three customers that match nobody; returns the expected pairs by code.</summary>
    private static async Task<(Dictionary<string, Guid> Ids, Dictionary<(string, string), int> Expected)> PlantAsync(MembersTenant tenant)
    {
        var ids = new Dictionary<string, Guid>();
        async Task Add(string key, object customer) => ids[key] = (await tenant.CustomerAsync(customer)).GetProperty("id").GetGuid();

        await Add("phone-1", new { displayName = "张伟", phone = "13800138000" });
        await Add("phone-2", new { displayName = "Zhang Wei", phone = "+86 138 0013 8000" });
        await Add("email-1", new { displayName = "Anna Smith", email = "anna@example.com" });
        await Add("email-2", new { displayName = "Anna Smyth", email = "ANNA@example.com" });
        await Add("birthday-1", new { displayName = "李娜", birthday = "1990-05-01", phone = "13700000011" });
        await Add("birthday-2", new { displayName = "李 娜", birthday = "1990-05-01", phone = "13655512345" });
        var address = new { kind = "Home", region = "CN", city = "上海", street = "南京东路100号", postcode = "200001", isDefault = true };
        await Add("address-1", new { displayName = "王芳", addresses = new[] { address } });
        await Add("address-2", new { displayName = "王芳", addresses = new[] { address with { street = "南京东路 100 号" } } });
        await Add("fuzzy-name-1", new { displayName = "Chen Jie", birthday = "1985-03-03" });
        await Add("fuzzy-name-2", new { displayName = "Chen Jia", birthday = "1985-03-03" });
        await Add("near-phone-1", new { displayName = "赵敏", phone = "13912345671" });
        await Add("near-phone-2", new { displayName = "赵敏", phone = "13912345672" });
        // Unrelated: a namesake of phone-1 with another phone and no birthday, and two strangers.
        await Add("namesake", new { displayName = "张伟", phone = "15011112222" });
        await Add("stranger-1", new { displayName = "刘洋", birthday = "1970-01-01", email = "liu@example.com" });
        await Add("stranger-2", new { displayName = "孙丽", birthday = "1970-01-02", email = "sun@example.com" });

        var expected = new Dictionary<(string, string), int>
        {
            [("phone-1", "phone-2")] = 100,
            [("email-1", "email-2")] = 100,
            [("birthday-1", "birthday-2")] = 85,
            [("address-1", "address-2")] = 75,
            [("near-phone-1", "near-phone-2")] = 70,
            [("fuzzy-name-1", "fuzzy-name-2")] = 65,
        };
        return (ids, expected);
    }

    private static async Task<JsonElement> ScanAsync(MembersTenant tenant)
    {
        var response = await tenant.Admin.PostAsync("/api/members/duplicates/scan", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The listed pairs as (code-key, code-key) → score, keys sorted within a pair.</summary>
    private static async Task<Dictionary<(string, string), int>> ListedAsync(MembersTenant tenant, Dictionary<string, Guid> ids, string query = "")
    {
        var keyOf = ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        var page = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/members/duplicates?pageSize=200{query}");
        return page.GetProperty("items").EnumerateArray().ToDictionary(
            p =>
            {
                var a = keyOf[p.GetProperty("first").GetProperty("id").GetGuid()];
                var b = keyOf[p.GetProperty("second").GetProperty("id").GetGuid()];
                return string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            },
            p => p.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Should_find_the_planted_pairs_with_their_scores_and_no_unrelated_ones()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var (ids, expected) = await PlantAsync(tenant);

        var result = await ScanAsync(tenant);

        result.GetProperty("customers").GetInt32().ShouldBe(ids.Count);
        var listed = await ListedAsync(tenant, ids);
        listed.ShouldBe(expected, ignoreOrder: true);
        var page = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/duplicates");
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("score").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        page.GetProperty("items")[0].GetProperty("reasons").EnumerateArray().ShouldNotBeEmpty();
        (await ListedAsync(tenant, ids, "&minScore=80")).Values.ShouldAllBe(score => score >= 80);
        (await ListedAsync(tenant, ids, "&minScore=80")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Should_not_duplicate_pairs_when_scanning_again()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var (ids, expected) = await PlantAsync(tenant);
        await ScanAsync(tenant);

        var again = await ScanAsync(tenant);

        again.GetProperty("added").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(0);
        again.GetProperty("removed").GetInt32().ShouldBe(0);
        (await tenant.DbAsync(db => db.Set<DuplicateCandidate>().CountAsync())).ShouldBe(expected.Count);
        (await ListedAsync(tenant, ids)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task Should_keep_a_dismissed_pair_dismissed_on_later_scans()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var (ids, _) = await PlantAsync(tenant);
        await ScanAsync(tenant);
        var page = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/duplicates?minScore=85&pageSize=200");
        var pair = page.GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("first").GetProperty("id").GetGuid() == ids["birthday-1"] || p.GetProperty("second").GetProperty("id").GetGuid() == ids["birthday-1"]);
        var pairId = pair.GetProperty("id").GetGuid();

        (await tenant.Admin.PostAsync($"/api/members/duplicates/{pairId}/dismiss", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ScanAsync(tenant);

        (await ListedAsync(tenant, ids)).ShouldNotContainKey(("birthday-1", "birthday-2"));
        (await ListedAsync(tenant, ids, "&status=Dismissed")).Keys.ShouldBe([("birthday-1", "birthday-2")]);
        (await tenant.Admin.PostAsync($"/api/members/duplicates/{Guid.NewGuid()}/dismiss", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_drop_an_open_pair_that_no_longer_matches()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var a = (await tenant.CustomerAsync(new { displayName = "周杰", phone = "13800138001" })).GetProperty("id").GetGuid();
        var b = await tenant.CustomerAsync(new { displayName = "周杰伦", phone = "13800138001" });
        (await ScanAsync(tenant)).GetProperty("added").GetInt32().ShouldBeInRange(0, 1);
        (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/duplicates")).GetProperty("total").GetInt32().ShouldBe(1);

        var response = await tenant.Admin.PutAsJsonAsync($"/api/members/customers/{b.GetProperty("id").GetGuid()}",
            new { customer = new { displayName = "周杰伦", phone = "13600000000" }, version = b.GetProperty("version").GetInt64() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        // The host's own scan job may run for the new tenant meanwhile and drop the pair first: the pair must be
        // gone after this scan, removed by it or by the job.
        (await ScanAsync(tenant)).GetProperty("removed").GetInt32().ShouldBeInRange(0, 1);
        (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/duplicates")).GetProperty("total").GetInt32().ShouldBe(0);
        a.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Should_scan_in_the_background_job_of_the_tenant()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var (ids, expected) = await PlantAsync(tenant);

        await _factory.InTenantAsync(tenant.Name, async services =>
        {
            var job = services.GetServices<ICrmJob>().Single(j => j.Name == "members.duplicate-scan");
            await job.ExecuteAsync(services, CancellationToken.None);
            return true;
        });

        (await ListedAsync(tenant, ids)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task Should_list_the_pairs_on_the_duplicates_page_with_a_merge_link()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "dup");
        var (ids, _) = await PlantAsync(tenant);
        var scan = await tenant.Admin.SubmitAsync("/members/duplicates", "/members/duplicates/scan");
        scan.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await tenant.Admin.GetStringAsync("/members/duplicates");

        page.ShouldContain("data-menu-key=\"members.duplicates\"");
        var (first, second) = DuplicateMatching.Ordered(ids["phone-1"], ids["phone-2"]);
        page.ShouldContain($"/members/merge?ids={first}&amp;ids={second}");
        page.ShouldContain("same phone");
        var zh = new HttpRequestMessage(HttpMethod.Get, "/members/duplicates");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await (await tenant.Admin.SendAsync(zh)).Content.ReadAsStringAsync());
        chinese.ShouldContain("重复客户");
        chinese.ShouldContain("相同电话");
    }

    [Theory]
    [InlineData("zhangwei", "zhangwei", true)]
    [InlineData("zhangwei", "zhangwej", true)]
    [InlineData("zhangwei", "zhangweii", true)]
    [InlineData("zhangwei", "hangwei", true)]
    [InlineData("张伟", "张玮", true)]
    [InlineData("zhangwei", "zhangwie", false)]
    [InlineData("anna", "anton", false)]
    public void Should_tell_names_one_edit_apart(string a, string b, bool expected) =>
        DuplicateMatching.AtMostOneEditApart(a, b).ShouldBe(expected);

    [Fact]
    public void Should_skip_a_placeholder_shared_by_too_many_customers()
    {
        var records = Enumerable.Range(0, DuplicateMatching.MaxExactGroup + 1)
            .Select(i => new ScanRecord(Guid.NewGuid(), $"name{i}x", null, null, ["+862100000000"], [], []))
            .ToList();

        DuplicateMatching.FindPairs(records).ShouldBeEmpty();
        DuplicateMatching.FindPairs(records.Take(3).ToList()).Count.ShouldBe(3);
    }
}
