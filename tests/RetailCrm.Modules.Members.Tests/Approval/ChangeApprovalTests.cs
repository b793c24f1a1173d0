using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Tests.Duplicates;

namespace RetailCrm.Modules.Members.Tests.Approval;

/// <summary>
/// Change approval over the real host with three users: the sales person proposes, the department
/// supervisor reviews, the data administrator decides; the record changes only on approval.
/// </summary>
public sealed class ChangeApprovalTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private sealed record Team(MembersTenant Tenant, HttpClient Sales, HttpClient Supervisor, HttpClient DataAdmin, Guid CustomerId);

    private async Task<Team> TeamAsync(bool approval = true)
    {
        var tenant = await MembersTenant.CreateAsync(_factory, "approval");
        if (approval)
        {
            await tenant.SetAsync("members.change-approval", "true");
        }

        var (salesId, sales) = await tenant.UserAsync("sales", "sales-person");
        var (_, supervisor) = await tenant.UserAsync("supervisor", "department-supervisor");
        var (_, dataAdmin) = await tenant.UserAsync("steward", "data-administrator");
        var customer = await tenant.CustomerAsync(new { displayName = "张伟", phone = "13800138000", ownerUserId = salesId, unitId = await tenant.HqAsync() });
        return new Team(tenant, sales, supervisor, dataAdmin, customer.GetProperty("id").GetGuid());
    }

    /// <summary>The sales person's edit of the phone; returns the response.</summary>
    private static async Task<HttpResponseMessage> ProposeAsync(Team team, string phone, HttpClient? client = null)
    {
        var current = await team.Tenant.GetCustomerAsync(team.CustomerId, client ?? team.Sales);
        return await (client ?? team.Sales).PutAsJsonAsync($"/api/members/customers/{team.CustomerId}", new
        {
            customer = new
            {
                displayName = "张伟",
                phone,
                ownerUserId = current.GetProperty("ownerUserId").GetGuid(),
                unitId = current.GetProperty("unitId").GetGuid(),
                tags = new[] { "vip" },
                addresses = new[] { new { kind = "Home", region = "CN", city = "上海", street = "南京东路100号", postcode = "200001", isDefault = true } },
            },
            version = current.GetProperty("version").GetInt64(),
        });
    }

    private static async Task<Guid> ProposedAsync(Team team, string phone)
    {
        var response = await ProposeAsync(team, phone);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changeRequestId").GetGuid();
    }

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, Guid id, bool approve, string? comment = null) =>
        client.PostAsJsonAsync($"/api/members/change-requests/{id}/review", new { approve, comment });

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, bool approve, string? comment = null) =>
        client.PostAsJsonAsync($"/api/members/change-requests/{id}/decide", new { approve, comment });

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> PhoneAsync(Team team) => (await team.Tenant.GetCustomerAsync(team.CustomerId)).GetProperty("phone").GetString();

    [Fact]
    public async Task Should_change_the_record_only_after_review_and_approval()
    {
        var team = await TeamAsync();
        var version = (await team.Tenant.GetCustomerAsync(team.CustomerId)).GetProperty("version").GetInt64();

        var id = await ProposedAsync(team, "13912345678");

        (await PhoneAsync(team)).ShouldBe("+8613800138000");
        var pending = await team.Sales.GetFromJsonAsync<JsonElement>("/api/members/change-requests?status=PendingReview");
        var listed = pending.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("summary").GetString()!.ShouldContain("+8613912345678");
        listed.GetProperty("requestedBy").GetString().ShouldBe("sales");

        (await ReviewAsync(team.Sales, id, true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DecideAsync(team.Sales, id, true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DecideAsync(team.Supervisor, id, true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var early = await DecideAsync(team.DataAdmin, id, true);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldEndWith("wrong-step");

        (await OkAsync(ReviewAsync(team.Supervisor, id, true, "checked with the customer"))).GetProperty("status").GetString().ShouldBe("PendingApproval");
        (await PhoneAsync(team)).ShouldBe("+8613800138000");
        var approved = await OkAsync(DecideAsync(team.DataAdmin, id, true, "ok"));

        approved.GetProperty("status").GetString().ShouldBe("Approved");
        (await PhoneAsync(team)).ShouldBe("+8613912345678");
        var changed = await team.Tenant.GetCustomerAsync(team.CustomerId);
        changed.GetProperty("version").GetInt64().ShouldBe(version + 1);
        changed.GetProperty("addresses").EnumerateArray().ShouldHaveSingleItem().GetProperty("street").GetString().ShouldBe("南京东路100号");
        changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["vip"]);
        var history = (await OkAsync(team.Sales.GetAsync($"/api/members/change-requests/{id}"))).GetProperty("history").EnumerateArray().ToList();
        history.Select(s => s.GetProperty("step").GetString()).ShouldBe(["Requested", "Reviewed", "Approved"]);
        history.Select(s => s.GetProperty("by").GetString()).ShouldBe(["sales", "supervisor", "steward"]);
        history[1].GetProperty("comment").GetString().ShouldBe("checked with the customer");
        (await ReviewAsync(team.Supervisor, id, true)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_leave_the_record_unchanged_when_a_request_is_rejected()
    {
        var team = await TeamAsync();
        var atReview = await ProposedAsync(team, "13912345678");
        (await OkAsync(ReviewAsync(team.Supervisor, atReview, false, "wrong number"))).GetProperty("status").GetString().ShouldBe("Rejected");

        var atDecision = await ProposedAsync(team, "13700000011");
        await OkAsync(ReviewAsync(team.Supervisor, atDecision, true));
        var rejected = await OkAsync(DecideAsync(team.DataAdmin, atDecision, false, "no proof"));

        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        rejected.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ShouldBe(["Requested", "Reviewed", "Rejected"]);
        (await PhoneAsync(team)).ShouldBe("+8613800138000");
        var all = await team.Sales.GetFromJsonAsync<JsonElement>($"/api/members/change-requests?customerId={team.CustomerId}");
        all.GetProperty("total").GetInt32().ShouldBe(2);
        (await team.Sales.GetFromJsonAsync<JsonElement>("/api/members/change-requests?status=Rejected")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == atReview)
            .GetProperty("history").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ShouldBe(["Requested", "Rejected at review"]);
    }

    [Fact]
    public async Task Should_refuse_to_apply_a_change_when_the_customer_changed_meanwhile()
    {
        var team = await TeamAsync();
        var id = await ProposedAsync(team, "13912345678");
        await OkAsync(ReviewAsync(team.Supervisor, id, true));
        var direct = await ProposeAsync(team, "13700000011", team.DataAdmin);
        direct.StatusCode.ShouldBe(HttpStatusCode.OK, await direct.Content.ReadAsStringAsync());

        var response = await DecideAsync(team.DataAdmin, id, true);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldEndWith("changed-meanwhile");
        (await PhoneAsync(team)).ShouldBe("+8613700000011");
        (await OkAsync(team.Sales.GetAsync($"/api/members/change-requests/{id}"))).GetProperty("status").GetString().ShouldBe("PendingApproval");
    }

    [Fact]
    public async Task Should_change_the_record_directly_when_approval_is_off()
    {
        var team = await TeamAsync(approval: false);

        var response = await ProposeAsync(team, "13912345678");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await PhoneAsync(team)).ShouldBe("+8613912345678");
        (await team.Sales.GetFromJsonAsync<JsonElement>("/api/members/change-requests")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_review_and_approve_on_the_change_requests_page()
    {
        var team = await TeamAsync();
        var id = await ProposedAsync(team, "13912345678");
        var salesPage = await team.Sales.GetStringAsync("/members/change-requests");
        salesPage.ShouldContain($"data-request=\"{id}\"");
        salesPage.ShouldNotContain("data-form=\"review\"");

        var reviewed = await team.Supervisor.SubmitAsync("/members/change-requests", $"/members/change-requests/{id}/review", ("approve", "true"), ("comment", "fine"));
        reviewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await team.DataAdmin.GetStringAsync("/members/change-requests")).ShouldContain("data-form=\"decide\"");
        var decided = await team.DataAdmin.SubmitAsync("/members/change-requests", $"/members/change-requests/{id}/decide", ("approve", "true"));

        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PhoneAsync(team)).ShouldBe("+8613912345678");
        var page = WebUtility.HtmlDecode(await team.DataAdmin.GetStringAsync("/members/change-requests"));
        page.ShouldContain("Approved");
    }

    [Fact]
    public async Task Should_tell_the_customer_page_about_a_pending_change()
    {
        var team = await TeamAsync();
        var id = await ProposedAsync(team, "13912345678");

        // As the customer page would call it, in the request of the signed-in sales person.
        var pending = await _factory.InTenantAsync(team.Tenant.Name, async services =>
        {
            var user = await services.GetRequiredService<KernelDbContext>().Users.SingleAsync(u => u.UserName == "sales");
            var accessor = services.GetRequiredService<IHttpContextAccessor>();
            accessor.HttpContext = new DefaultHttpContext { User = UserAccounts.PrincipalFor(user, "Cookies"), RequestServices = services };
            try
            {
                return await services.GetRequiredService<ChangeRequestQueries>().PendingForCustomerAsync(team.CustomerId, CancellationToken.None);
            }
            finally
            {
                accessor.HttpContext = null;
            }
        });

        pending.ShouldHaveSingleItem().Id.ShouldBe(id);
        var page = await team.Sales.GetStringAsync($"/members/customers/{team.CustomerId}");
        page.ShouldContain("id=\"pending-changes\"");
        page.ShouldContain("13912345678");
    }
}
