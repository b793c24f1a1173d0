using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

public sealed class PipelineFlowTests(SalesHost host) : IClassFixture<SalesHost>
{
    [Fact]
    public async Task Should_start_a_tenant_with_the_eight_steps_in_both_languages_and_the_gate_at_sign()
    {
        var (_, admin) = await host.TenantAsync();

        var pipeline = await PipelineAsync(admin);

        pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("nameZh").GetString())
            .ShouldBe(["寻找准客户", "约见拜访", "建立信任关系", "挖掘客户需求", "研究解决方案", "提出客户方案", "签约承诺", "客户满意"]);
        pipeline.GetProperty("stages").EnumerateArray().Where(s => s.GetProperty("requiresApproval").GetBoolean()).Select(s => s.GetProperty("key").GetString()).ShouldBe(["sign"]);
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/sales/pipelines"))!.Length.ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_to_leave_visit_without_a_logged_visit_then_walk_through_the_gate_to_a_won_deal_that_makes_a_buyer()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deal = await OpenDealAsync(team.Seller);
        deal.GetProperty("amount").GetInt64().ShouldBe(180_000);
        deal.GetProperty("ownerUserId").GetGuid().ShouldBe(team.SellerId);

        deal = await MovedAsync(team.Seller, deal, StageId(pipeline, "visit"));
        var refused = await MoveAsync(team.Seller, deal, StageId(pipeline, "build-trust"));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(refused);
        problem.GetProperty("type").GetString().ShouldBe(Problems + "sales/exit-criteria-unmet");
        problem.GetProperty("errors").GetProperty("activities.visit")[0].GetString()!.ShouldContain("Log 1 × Visit");
        deal = await GetAsync(team.Seller, deal);
        deal.GetProperty("stageId").GetGuid().ShouldBe(StageId(pipeline, "visit"));

        deal = await WalkToProposeAsync(team.Seller, pipeline, deal);
        var notYet = await MoveAsync(team.Seller, deal, StageId(pipeline, "sign"));
        var missing = (await ProblemAsync(notYet)).GetProperty("errors");
        missing.GetProperty("expectedCloseDate").GetArrayLength().ShouldBe(1);
        missing.GetProperty("attachments.proposal").GetArrayLength().ShouldBe(1);

        await AttachAsync(team.Seller, deal, "proposal", "proposal.pdf");
        deal = await DescribeAsync(team.Seller, deal, new { needs = "Reach 20,000 members", solution = "Two pages", expectedCloseDate = "2027-03-31" });
        var asked = await MoveAsync(team.Seller, deal, StageId(pipeline, "sign"));
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var request = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request");

        var waiting = await team.Supervisor.GetFromJsonAsync<JsonElement[]>("/api/sales/approvals");
        waiting!.ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(request.GetProperty("id").GetGuid());
        (await team.Seller.GetAsync("/api/sales/approvals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var approved = await team.Supervisor.PostAsJsonAsync($"/api/sales/approvals/{request.GetProperty("id").GetGuid()}", new { approve = true, comment = "Good terms" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        deal = await GetAsync(team.Seller, deal);
        deal.GetProperty("stageId").GetGuid().ShouldBe(StageId(pipeline, "sign"));
        var won = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/win",
            new { version = deal.GetProperty("version").GetInt32(), reason = "solution fit", recordPurchase = true });
        won.StatusCode.ShouldBe(HttpStatusCode.OK, await won.Content.ReadAsStringAsync());
        (await won.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closeReason").GetString().ShouldBe("Solution fit");

        var customer = deal.GetProperty("customerId").GetGuid();
        await CrmHostFactory.EventuallyAsync(async () =>
            (await team.Admin.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer}")).GetProperty("lifecycleClass").GetString() == "FirstTimeBuyer",
            "the won deal recorded as the customer's first purchase");
        var purchases = await team.Admin.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer}/purchases");
        purchases.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("amount").GetInt64().ShouldBe(180_000);
        var tenantEvents = await host.Factory.OutboxAsync(team.Tenant, "sales");
        tenantEvents.Select(e => e.EventName).Distinct().Order().ShouldBe(["sales.opportunity-won", "sales.stage-changed"]);
    }

    [Fact]
    public async Task Should_refuse_to_jump_over_the_gate_and_to_win_before_it()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deal = await WalkToProposeAsync(team.Seller, pipeline, await OpenDealAsync(team.Seller));

        var jumped = await MoveAsync(team.Seller, deal, StageId(pipeline, "customer-satisfied"));
        var won = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/win",
            new { version = deal.GetProperty("version").GetInt32(), reason = "Price" });

        jumped.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(jumped)).GetProperty("type").GetString().ShouldBe(Problems + "sales/gate-skipped");
        won.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(won)).GetProperty("type").GetString().ShouldBe(Problems + "sales/gate-skipped");
        (await GetAsync(team.Seller, deal)).GetProperty("status").GetString().ShouldBe("Open");
    }

    [Fact]
    public async Task Should_send_a_gated_move_back_with_the_supervisors_comment()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deal = await WalkToProposeAsync(team.Seller, pipeline, await OpenDealAsync(team.Seller));
        await AttachAsync(team.Seller, deal, "proposal", "proposal.pdf");
        deal = await DescribeAsync(team.Seller, deal, new { needs = "n", solution = "s", expectedCloseDate = "2027-01-15" });
        var request = (await (await MoveAsync(team.Seller, deal, StageId(pipeline, "sign"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetGuid();

        var noComment = await team.Supervisor.PostAsJsonAsync($"/api/sales/approvals/{request}", new { approve = false });
        var sentBack = await team.Supervisor.PostAsJsonAsync($"/api/sales/approvals/{request}", new { approve = false, comment = "Price too low" });

        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(noComment)).GetProperty("errors").GetProperty("comment").GetArrayLength().ShouldBe(1);
        sentBack.StatusCode.ShouldBe(HttpStatusCode.OK);
        var details = await team.Seller.GetFromJsonAsync<JsonElement>($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}");
        details.GetProperty("opportunity").GetProperty("stageId").GetGuid().ShouldBe(StageId(pipeline, "propose"));
        details.GetProperty("moveRequests").EnumerateArray().ShouldHaveSingleItem().GetProperty("comment").GetString().ShouldBe("Price too low");
        (await team.Supervisor.GetFromJsonAsync<JsonElement[]>("/api/sales/approvals")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_keep_the_board_figures_with_every_change_and_within_each_ones_data_scope()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var first = await OpenDealAsync(team.Seller);
        var second = await OpenDealAsync(team.Seller);
        var (_, outsider) = await host.UserAsync(team.Tenant, team.Admin, "wu.fei", "sales-person");
        await OpenDealAsync(outsider, "Outside Ltd");

        var visiting = await MovedAsync(team.Seller, first, StageId(pipeline, "visit"));
        var lines = await team.Seller.PutAsJsonAsync($"/api/sales/opportunities/{second.GetProperty("id").GetGuid()}/lines",
            new { version = second.GetProperty("version").GetInt32(), lines = new[] { new { description = "Banner", quantity = 1m, unitPrice = 50_000L } } });
        lines.StatusCode.ShouldBe(HttpStatusCode.OK, await lines.Content.ReadAsStringAsync());

        (await ColumnAsync(team.Seller, "visit")).ShouldBe((1, 180_000L));
        (await ColumnAsync(team.Seller, "find-prospects")).ShouldBe((1, 50_000L));
        (await ColumnAsync(team.Supervisor, "find-prospects")).ShouldBe((1, 50_000L));
        (await ColumnAsync(team.Admin, "find-prospects")).ShouldBe((2, 230_000L));
        (await ColumnAsync(outsider, "find-prospects")).ShouldBe((1, 180_000L));

        var lost = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{visiting.GetProperty("id").GetGuid()}/lose", new { version = visiting.GetProperty("version").GetInt32(), reason = "Price" });
        lost.StatusCode.ShouldBe(HttpStatusCode.OK, await lost.Content.ReadAsStringAsync());
        (await ColumnAsync(team.Admin, "visit")).ShouldBe((0, 0L));
    }

    private static async Task<(int Count, long Amount)> ColumnAsync(HttpClient client, string stage)
    {
        var column = (await client.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!.Single(c => c.GetProperty("key").GetString() == stage);
        return (column.GetProperty("count").GetInt32(), column.GetProperty("amount").GetInt64());
    }
}
