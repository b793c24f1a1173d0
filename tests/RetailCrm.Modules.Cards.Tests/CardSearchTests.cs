using System.Net;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The header's search finds a card by its full number, with spaces or without; part of a number finds nothing.</summary>
public sealed class CardSearchTests(CardsHost host) : IClassFixture<CardsHost>
{
    [Fact]
    public async Task Should_find_a_card_by_its_full_number_only()
    {
        var (_, admin) = await TenantAsync(host.Factory, "search");
        var (number, _, _) = await ActiveCardAsync(admin, initialTopUp: 1_000);
        var spaced = string.Join(' ', Enumerable.Range(0, number.Length / 4).Select(i => number.Substring(i * 4, 4)));

        foreach (var term in new[] { number, spaced })
        {
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/search?q=" + Uri.EscapeDataString(term)));
            page.ShouldContain("data-search-group=\"Cards\"", Case.Sensitive, term);
            var hit = System.Text.RegularExpressions.Regex.Match(page, "class=\"search-hit\">(?<text>[^<]*)</a>").Groups["text"].Value;
            hit.ShouldContain(number[^4..]);
            hit.ShouldNotContain(number, Case.Sensitive, "the hit shows the number masked");
        }

        (await admin.GetStringAsync("/search?q=" + number[..8])).ShouldNotContain("data-search-group=\"Cards\"");
    }
}
