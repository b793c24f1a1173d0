using System.Net;
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
}
