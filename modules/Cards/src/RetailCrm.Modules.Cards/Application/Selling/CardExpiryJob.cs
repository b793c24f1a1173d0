using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>
/// Daily: cards past their expiry date that <see cref="CardTransition.Expire"/> applies to (active and frozen) become Expired. The balance stays on the card (a liability
/// still: refunded on close or moved by an exchange); payments already refuse an expired card by its date.
/// One UPDATE per tenant, moving <c>Version</c> so that a clerk's tracked change of such a card re-reads it.
/// </summary>
internal sealed class CardExpiryJob : ICrmJob
{
    public string Name => "cards.expiry";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<CardsDbContext>();
        var now = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var expired = await db.Set<Card>()
            .Where(CardTransition.ExpiredBy(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CardTransition.Expire.To)
                .SetProperty(c => c.StatusChangedAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (expired > 0)
        {
            scopedServices.GetRequiredService<ILogger<CardExpiryJob>>().LogInformation("Card expiry: {Count} card(s) expired", expired);
        }
    }
}
