using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

public sealed class BadInputTests(SalesHost host) : IClassFixture<SalesHost>
{
    [Fact]
    public async Task Should_refuse_negative_quantities_and_prices_at_their_lines_and_write_nothing()
    {
        var team = await host.TeamAsync();

        var response = await team.Seller.PostAsJsonAsync("/api/sales/opportunities", new
        {
            title = "Bad lines",
            prospect = new { displayName = "Zhao Lei", phone = "+8613800001111" },
            lines = new object[] { new { description = "Ad", quantity = -1m, unitPrice = 100L }, new { description = "Event", quantity = 1m, unitPrice = -5L } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        errors.GetProperty("lines[0].quantity").GetArrayLength().ShouldBe(1);
        errors.GetProperty("lines[1].unitPrice").GetArrayLength().ShouldBe(1);
        (await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!.Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_file_too_large_empty_or_of_a_kind_a_deal_does_not_take_at_the_file_field()
    {
        var team = await host.TeamAsync();
        var deal = await OpenDealAsync(team.Seller);
        var url = $"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}/attachments";

        var large = await team.Seller.PostAsync(url, Upload(new byte[11 * 1024 * 1024], "scan.pdf"));
        var empty = await team.Seller.PostAsync(url, Upload([], "empty.pdf"));
        var program = await team.Seller.PostAsync(url, Upload("MZ"u8.ToArray(), "setup.exe"));

        large.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ProblemAsync(large)).GetProperty("type").GetString().ShouldBe(Problems + "sales/attachment-too-large");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(empty)).GetProperty("errors").GetProperty("file").GetArrayLength().ShouldBe(1);
        program.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(program)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("A deal takes PDF");
        (await team.Seller.GetFromJsonAsync<JsonElement>($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}")).GetProperty("attachments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_answer_409_with_the_current_version_to_a_stale_change()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deal = await OpenDealAsync(team.Seller);
        await MovedAsync(team.Seller, deal, StageId(pipeline, "visit"));

        var stale = await MoveAsync(team.Seller, deal, StageId(pipeline, "find-prospects"));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(stale);
        problem.GetProperty("type").GetString().ShouldBe(Problems + "sales/opportunity-changed");
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(deal.GetProperty("version").GetInt32() + 1);
        problem.GetProperty("errors").GetProperty("version").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_a_stage_of_another_pipeline()
    {
        var team = await host.TeamAsync();
        var other = await team.Admin.PostAsJsonAsync("/api/sales/pipelines", new
        {
            name = "Events",
            stages = new[] { new { key = "lead", name = "Lead", probability = 10 }, new { key = "booked", name = "Booked", probability = 90 } },
        });
        other.StatusCode.ShouldBe(HttpStatusCode.Created, await other.Content.ReadAsStringAsync());
        var foreign = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stages")[1].GetProperty("id").GetGuid();
        var deal = await OpenDealAsync(team.Seller);

        var response = await MoveAsync(team.Seller, deal, foreign);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.GetProperty("type").GetString().ShouldBe(Problems + "sales/stage-of-another-pipeline");
        problem.GetProperty("errors").GetProperty("stageId").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_to_change_a_lost_deals_lines()
    {
        var team = await host.TeamAsync();
        var deal = await OpenDealAsync(team.Seller);
        var id = deal.GetProperty("id").GetGuid();
        var badReason = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{id}/lose", new { version = deal.GetProperty("version").GetInt32(), reason = "Bad weather" });
        var lost = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{id}/lose", new { version = deal.GetProperty("version").GetInt32(), reason = "Competitor" });
        var version = (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var edited = await team.Seller.PutAsJsonAsync($"/api/sales/opportunities/{id}/lines", new { version, lines = new[] { new { description = "More", quantity = 1m, unitPrice = 1L } } });

        badReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(badReason)).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("Competitor");
        lost.StatusCode.ShouldBe(HttpStatusCode.OK);
        edited.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(edited)).GetProperty("type").GetString().ShouldBe(Problems + "sales/opportunity-closed");
        (await GetAsync(team.Seller, deal)).GetProperty("amount").GetInt64().ShouldBe(180_000);
    }

    [Fact]
    public async Task Should_keep_a_sales_persons_deals_from_another_sales_person()
    {
        var team = await host.TeamAsync();
        var deal = await OpenDealAsync(team.Seller);
        var (_, other) = await host.UserAsync(team.Tenant, team.Admin, "chen.jie", "sales-person");

        var response = await other.GetAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await team.Supervisor.GetAsync($"/api/sales/opportunities/{deal.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        form.Add(new StringContent("proposal"), "tag");
        return form;
    }
}
