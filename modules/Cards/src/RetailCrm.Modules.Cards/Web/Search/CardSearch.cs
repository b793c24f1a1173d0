using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Search;

/// <summary>A card for the global search, by its full number only (spaces allowed): part of a number finds nothing.</summary>
internal sealed class CardSearch(CardQueries cards, IPermissionChecker permissions, IStringLocalizer<CardsModule> t, IDisplayText display) : ISearchContributor
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string term, int limit, CancellationToken cancellationToken)
    {
        if (!term.Any(char.IsAsciiDigit) || !await permissions.IsGrantedAsync(CardsPermissions.ViewCards, cancellationToken)
            || await cards.FindIdAsync(term, cancellationToken) is not { } id
            || await cards.GetAsync(id, cancellationToken) is not { } card)
        {
            return [];
        }

        return [new SearchHit(t["Cards"], $"{Card.Mask(card.Card.Number)} · {card.ProductName}", display.Name(card.Card.Status), $"/cards/cards/{id}")];
    }
}
