using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// A clerk's status changes of a card: freeze, unfreeze and loss report (挂失), each as <see cref="CardTransition"/> allows.
/// The change goes through the tracked card and its <see cref="Card.Version"/> token (so it is audited); a payment or
/// another clerk changing the card meanwhile makes it read the card again and decide anew.
/// </summary>
internal sealed class CardStatusChanges(CardsDbContext db, TimeProvider time)
{
    private const int Attempts = 3;

    public Task<Result<CardView>> FreezeAsync(string number, CancellationToken cancellationToken) => ChangeAsync(number, CardTransition.Freeze, cancellationToken);

    public Task<Result<CardView>> UnfreezeAsync(string number, CancellationToken cancellationToken) => ChangeAsync(number, CardTransition.Unfreeze, cancellationToken);

    public Task<Result<CardView>> ReportLossAsync(string number, CancellationToken cancellationToken) => ChangeAsync(number, CardTransition.ReportLoss, cancellationToken);

    private async Task<Result<CardView>> ChangeAsync(string number, CardTransition transition, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var card = await db.Set<Card>().FirstOrDefaultAsync(c => c.Number == trimmed, cancellationToken);
            if (card is null)
            {
                return Refuse.NotFound("No such card.");
            }

            if (card.Change(transition, time.GetUtcNow().UtcDateTime) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return CardView.From(card);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A payment or another clerk changed the card meanwhile: read it again and re-decide.
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refuse.Conflict("The card keeps changing; try again.");
            }
        }
    }
}
