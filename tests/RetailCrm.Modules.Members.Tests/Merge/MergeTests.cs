using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Tests.Duplicates;

namespace RetailCrm.Modules.Members.Tests.Merge;

/// <summary>Merging duplicates over the real host: values, collections and purchases move; history and the event are written; bad merges are refused.</summary>
public sealed class MergeTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private sealed record Pair(MembersTenant Tenant, JsonElement Survivor, JsonElement Merged)
    {
        public Guid SurvivorId => Survivor.GetProperty("id").GetGuid();

        public Guid MergedId => Merged.GetProperty("id").GetGuid();

        public Dictionary<Guid, long> Versions => new()
        {
            [SurvivorId] = Survivor.GetProperty("version").GetInt64(),
            [MergedId] = Merged.GetProperty("version").GetInt64(),
        };
    }

    /// <summary>Two records of one person: same name and birthday, different phones, tags, addresses; purchases on both.</summary>
    private async Task<Pair> PairAsync()
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "merge");
        var survivor = await tenant.CustomerAsync(new
        {
            displayName = "张伟",
            birthday = "1980-01-01",
            phone = "13800138000",
            notes = "kept",
            tags = new[] { "vip" },
            addresses = new[] { new { kind = "Home", region = "CN", city = "上海", street = "南京东路100号", postcode = "200001", isDefault = true } },
        });
        var merged = await tenant.CustomerAsync(new
        {
            displayName = "张伟",
            birthday = "1980-01-01",
            phone = "13912345678",
            email = "zhang.wei@example.com",
            notes = "lost",
            tier = "gold",
            tags = new[] { "vip", "golf" },
            addresses = new[]
            {
                new { kind = "Home", region = "CN", city = "上海", street = "南京东路 100 号", postcode = "200001", isDefault = true },
                new { kind = "Office", region = "CN", city = "北京", street = "长安街1号", postcode = "100000", isDefault = true },
            },
            contactPoints = new[] { new { kind = "Phone", value = "02162345678", label = "office" } },
            anniversaries = new[] { new { label = "Wedding", date = "2010-10-10" } },
        });
        var pair = new Pair(tenant, survivor, merged);
        await tenant.DbAsync(async db =>
        {
            var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            void Buy(Guid customerId, string receipt, long amount, int days) =>
                db.Set<Purchase>().Add(new Purchase { Id = Guid.NewGuid(), CustomerId = customerId, ReceiptId = receipt, Amount = amount, PurchasedAt = at.AddDays(days), RecordedAt = at });
            Buy(pair.SurvivorId, "R1", 1000, 0);
            Buy(pair.MergedId, "R2", 2000, 10);
            Buy(pair.MergedId, "R3", 3000, 20);
            await db.Set<Customer>().Where(c => c.Id == pair.SurvivorId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PurchaseCount, 1).SetProperty(c => c.PurchaseTotal, 1000).SetProperty(c => c.FirstPurchaseAt, at).SetProperty(c => c.LastPurchaseAt, at));
            await db.Set<Customer>().Where(c => c.Id == pair.MergedId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PurchaseCount, 2).SetProperty(c => c.PurchaseTotal, 5000).SetProperty(c => c.FirstPurchaseAt, at.AddDays(10)).SetProperty(c => c.LastPurchaseAt, at.AddDays(20)));
            return await db.SaveChangesAsync();
        });
        return pair;
    }

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, object request) => client.PostAsJsonAsync("/api/members/merges", request);

    [Fact]
    public async Task Should_merge_values_collections_and_purchases_into_the_survivor()
    {
        var pair = await PairAsync();
        var tenant = pair.Tenant;
        (await tenant.Admin.PostAsync("/api/members/duplicates/scan", null)).EnsureSuccessStatusCode();

        var response = await MergeAsync(tenant.Admin, new
        {
            survivorId = pair.SurvivorId,
            mergedIds = new[] { pair.MergedId },
            fieldChoices = new Dictionary<string, Guid> { ["phone"] = pair.MergedId },
            versions = pair.Versions,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var mergeId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mergeId").GetGuid();
        var survivor = await tenant.GetCustomerAsync(pair.SurvivorId);
        survivor.GetProperty("phone").GetString().ShouldBe("+8613912345678");
        survivor.GetProperty("email").GetString().ShouldBe("zhang.wei@example.com");
        survivor.GetProperty("notes").GetString().ShouldBe("kept");
        survivor.GetProperty("tier").GetString().ShouldBe("gold");
        survivor.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["golf", "vip"]);
        survivor.GetProperty("contactPoints").EnumerateArray().Select(p => p.GetProperty("value").GetString())
            .ShouldBe(["+8613800138000", "+862162345678"], ignoreOrder: true);
        survivor.GetProperty("addresses").GetArrayLength().ShouldBe(2);
        survivor.GetProperty("anniversaries").EnumerateArray().Single().GetProperty("label").GetString().ShouldBe("Wedding");
        survivor.GetProperty("purchaseCount").GetInt32().ShouldBe(3);
        survivor.GetProperty("purchaseTotal").GetInt64().ShouldBe(6000);
        survivor.GetProperty("lastPurchaseAt").GetDateTime().ShouldBe(new DateTime(2026, 1, 21, 0, 0, 0, DateTimeKind.Utc));
        survivor.GetProperty("version").GetInt64().ShouldBe(pair.Versions[pair.SurvivorId] + 1);

        // The merged record stays, pointing to the survivor.
        var gone = await tenant.GetCustomerAsync(pair.MergedId);
        gone.GetProperty("status").GetString().ShouldBe("Merged");
        gone.GetProperty("mergedIntoId").GetGuid().ShouldBe(pair.SurvivorId);
        var list = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/members/customers");
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([pair.SurvivorId]);

        (await tenant.DbAsync(db => db.Set<Purchase>().Select(p => p.CustomerId).Distinct().ToListAsync())).ShouldBe([pair.SurvivorId]);
        (await tenant.DbAsync(db => db.Set<DuplicateCandidate>().Select(d => d.Status).ToListAsync())).ShouldBe([DuplicateStatus.Merged]);
        var outbox = (await tenant.Factory.OutboxAsync(tenant.Name, "members", "members.customers-merged")).Where(m => m.Payload.Contains(mergeId.ToString(), StringComparison.Ordinal)).ToList();
        var payload = JsonDocument.Parse(outbox.ShouldHaveSingleItem().Payload).RootElement;
        payload.GetProperty("mergeId").GetGuid().ShouldBe(mergeId);
        payload.GetProperty("survivorId").GetGuid().ShouldBe(pair.SurvivorId);
        payload.GetProperty("mergedIds").EnumerateArray().Select(i => i.GetGuid()).ShouldBe([pair.MergedId]);

        // History, seen from both sides.
        foreach (var id in new[] { pair.SurvivorId, pair.MergedId })
        {
            var history = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/members/customers/{id}/merges");
            var item = history.EnumerateArray().ShouldHaveSingleItem();
            item.GetProperty("id").GetGuid().ShouldBe(mergeId);
            item.GetProperty("mergedBy").GetString().ShouldBe("admin");
            item.GetProperty("mergedIds").EnumerateArray().Single().GetGuid().ShouldBe(pair.MergedId);
            item.GetProperty("fieldChoices").GetProperty("phone").GetGuid().ShouldBe(pair.MergedId);
            item.GetProperty("fieldChoices").GetProperty("notes").GetGuid().ShouldBe(pair.SurvivorId);
            var snapshot = item.GetProperty("snapshot").EnumerateArray().ShouldHaveSingleItem();
            snapshot.GetProperty("notes").GetString().ShouldBe("lost");
            snapshot.GetProperty("purchaseCount").GetInt32().ShouldBe(2);
        }
    }

    [Fact]
    public async Task Should_refuse_bad_merges_with_problem_details()
    {
        var pair = await PairAsync();
        var admin = pair.Tenant.Admin;
        var other = await MembersTenant.CreateAsync(_factory, "merge-other");
        var foreign = (await other.CustomerAsync(new { displayName = "Foreign" })).GetProperty("id").GetGuid();

        async Task Refused(object request, HttpStatusCode status, string type, string? field = null)
        {
            var response = await MergeAsync(admin, request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, body);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var problem = JsonDocument.Parse(body).RootElement;
            problem.GetProperty("type").GetString().ShouldEndWith(type);
            if (field is not null)
            {
                problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
            }
        }

        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.SurvivorId } }, HttpStatusCode.BadRequest, "invalid", "mergedIds");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = Array.Empty<Guid>() }, HttpStatusCode.BadRequest, "invalid", "mergedIds");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray() }, HttpStatusCode.BadRequest, "invalid", "mergedIds");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.MergedId }, fieldChoices = new Dictionary<string, Guid> { ["shoeSize"] = pair.MergedId } },
            HttpStatusCode.BadRequest, "invalid", "fieldChoices.shoeSize");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.MergedId }, fieldChoices = new Dictionary<string, Guid> { ["phone"] = Guid.NewGuid() } },
            HttpStatusCode.BadRequest, "invalid", "fieldChoices.phone");
        await Refused(new { mergedIds = new[] { pair.MergedId } }, HttpStatusCode.BadRequest, "");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { Guid.NewGuid() } }, HttpStatusCode.NotFound, "not-found");
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { foreign } }, HttpStatusCode.NotFound, "not-found");

        (await MergeAsync(admin, new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.MergedId } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refused(new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.MergedId } }, HttpStatusCode.Conflict, "not-active");
        await Refused(new { survivorId = pair.MergedId, mergedIds = new[] { pair.SurvivorId } }, HttpStatusCode.Conflict, "not-active");

        // Merging needs the merge permission (data administrator); a sales person has none.
        var third = (await pair.Tenant.CustomerAsync(new { displayName = "张伟" })).GetProperty("id").GetGuid();
        var (_, sales) = await pair.Tenant.UserAsync("sales", "sales-person");
        (await MergeAsync(sales, new { survivorId = pair.SurvivorId, mergedIds = new[] { third } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetCustomerAsync(foreign)).GetProperty("status").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task Should_refuse_a_merge_when_a_customer_changed_since_it_was_read()
    {
        var pair = await PairAsync();
        var admin = pair.Tenant.Admin;
        var versions = pair.Versions;
        var edit = await admin.PutAsJsonAsync($"/api/members/customers/{pair.MergedId}",
            new { customer = new { displayName = "张伟", birthday = "1980-01-01", phone = "13912345679" }, version = versions[pair.MergedId] });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());

        var response = await MergeAsync(admin, new { survivorId = pair.SurvivorId, mergedIds = new[] { pair.MergedId }, versions });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldEndWith("version-conflict");
        (await pair.Tenant.GetCustomerAsync(pair.MergedId)).GetProperty("status").GetString().ShouldBe("Active");
        (await pair.Tenant.GetCustomerAsync(pair.SurvivorId)).GetProperty("purchaseCount").GetInt32().ShouldBe(1);
        (await pair.Tenant.DbAsync(db => db.Set<MergeRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Should_merge_through_the_merge_screen()
    {
        var pair = await PairAsync();
        var admin = pair.Tenant.Admin;
        var url = $"/members/merge?ids={pair.SurvivorId}&ids={pair.MergedId}";
        var screen = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        screen.ShouldContain($"name=\"choices[phone]\" value=\"{pair.MergedId}\"");
        screen.ShouldContain($"name=\"survivorId\" value=\"{pair.SurvivorId}\" checked");
        screen.ShouldNotContain("name=\"choices[displayName]\"");

        var response = await admin.SubmitAsync(url, "/members/merge",
            ("ids", pair.SurvivorId.ToString()), ("ids", pair.MergedId.ToString()), ("survivorId", pair.MergedId.ToString()),
            ("choices[notes]", pair.SurvivorId.ToString()),
            ($"versions[{pair.SurvivorId}]", pair.Versions[pair.SurvivorId].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ($"versions[{pair.MergedId}]", pair.Versions[pair.MergedId].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var survivor = await pair.Tenant.GetCustomerAsync(pair.MergedId);
        survivor.GetProperty("notes").GetString().ShouldBe("kept");
        survivor.GetProperty("phone").GetString().ShouldBe("+8613912345678");
        (await pair.Tenant.GetCustomerAsync(pair.SurvivorId)).GetProperty("mergedIntoId").GetGuid().ShouldBe(pair.MergedId);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(response.Headers.Location!.ToString()));
        page.ShouldContain("Merged into " + survivor.GetProperty("code").GetString());
    }
}
