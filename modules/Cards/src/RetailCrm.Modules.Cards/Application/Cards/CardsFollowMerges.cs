using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// When members merges customers, the cards of the merged-away customers pass to the survivor (holder id and code),
/// each with a <see cref="CardHolderChange"/> in its history. Once per merge however often the event is delivered: a card
/// moved already has the survivor as holder, and the history's unique index (card, <c>merge:{id}</c>) refuses a second entry.
/// </summary>
internal sealed class CardsFollowMerges(CardsDbContext db, ICurrentUser user, TimeProvider time) : IIntegrationEventHandler<CustomersMergedIntegrationEvent>
{
    public const string Reason = "merge";

    public async Task HandleAsync(CustomersMergedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var merged = integrationEvent.MergedIds.Where(id => id != integrationEvent.SurvivorId).ToList();
        if (merged.Count == 0)
        {
            return;
        }

        var reference = $"merge:{integrationEvent.MergeId}";
        var cards = await db.Set<Card>().Where(c => c.HolderCustomerId != null && merged.Contains(c.HolderCustomerId.Value)).ToListAsync(cancellationToken);
        var recorded = await db.Set<CardHolderChange>().Where(h => h.Reference == reference).Select(h => h.CardId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var card in cards.Where(c => !recorded.Contains(c.Id)))
        {
            if (card.PassTo(integrationEvent.SurvivorId, integrationEvent.SurvivorCode, Reason, reference, user.UserName ?? "system", now) is { } change)
            {
                db.Set<CardHolderChange>().Add(change);
            }
        }

        // A concurrent change of one of the cards fails the save; the delivery is tried again and re-reads them.
        await db.SaveChangesAsync(cancellationToken);
    }
}
