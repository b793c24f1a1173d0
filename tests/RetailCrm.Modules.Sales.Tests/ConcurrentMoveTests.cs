using System.Net;
using System.Net.Http.Json;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>On PostgreSQL, where two requests really run at once.</summary>
public sealed class ConcurrentMoveTests(PostgresSalesHost host) : IClassFixture<PostgresSalesHost>
{
    [Fact]
    public async Task Should_let_one_of_two_parallel_moves_of_a_deal_win_and_answer_409_to_the_other()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deal = await OpenDealAsync(team.Seller);

        for (var round = 0; round < 5; round++)
        {
            var target = StageId(pipeline, round % 2 == 0 ? "visit" : "find-prospects");
            var answers = await Task.WhenAll(MoveAsync(team.Seller, deal, target), MoveAsync(team.Supervisor, deal, target));

            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(" / ", answers.Select(a => a.StatusCode)));
            answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
            var after = await GetAsync(team.Seller, deal);
            after.GetProperty("version").GetInt32().ShouldBe(deal.GetProperty("version").GetInt32() + 1);
            deal = after;
        }
    }

    [Fact]
    public async Task Should_keep_the_boards_stage_totals_right_under_parallel_moves_of_many_deals()
    {
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        var deals = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => OpenDealAsync(team.Seller)));

        var moved = await Task.WhenAll(deals.Select((d, i) => MoveAsync(i % 2 == 0 ? team.Seller : team.Supervisor, d, StageId(pipeline, "visit"))));

        moved.ShouldAllBe(m => m.StatusCode == HttpStatusCode.OK);
        var board = (await team.Supervisor.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/sales/board"))!;
        var visit = board.Single(c => c.GetProperty("key").GetString() == "visit");
        (visit.GetProperty("count").GetInt32(), visit.GetProperty("amount").GetInt64()).ShouldBe((12, 12 * 180_000L));
        board.Single(c => c.GetProperty("key").GetString() == "find-prospects").GetProperty("count").GetInt32().ShouldBe(0);
    }
}
