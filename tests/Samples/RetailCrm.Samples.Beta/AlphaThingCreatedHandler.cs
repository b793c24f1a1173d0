using System.Collections.Concurrent;
using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Samples.Beta.Persistence;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Samples.Beta;

/// <summary>
/// Records every alpha thing it is told about. Fails on purpose so that the outbox's retries can be
/// tested: always for a name starting with <c>fail-always</c>, the first two times for <c>fail-twice</c>,
/// and the first time for any other name starting with <c>fail</c>.
/// </summary>
internal sealed class AlphaThingCreatedHandler(BetaDbContext db) : IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>
{
    /// <summary>Attempts per thing id, across scopes; static because the failures must outlive one delivery.</summary>
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public async Task HandleAsync(AlphaThingCreatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var attempt = Attempts.AddOrUpdate(integrationEvent.Id, 1, (_, previous) => previous + 1);
        var failuresWanted = integrationEvent.Name switch
        {
            var n when n.StartsWith("fail-always", StringComparison.Ordinal) => int.MaxValue,
            var n when n.StartsWith("fail-twice", StringComparison.Ordinal) => 2,
            var n when n.StartsWith("fail", StringComparison.Ordinal) => 1,
            _ => 0,
        };
        if (attempt <= failuresWanted)
        {
            throw new InvalidOperationException($"Beta refuses '{integrationEvent.Name}' (attempt {attempt}).");
        }

        db.Received.Add(new ReceivedThing
        {
            Id = Guid.NewGuid(),
            ThingId = integrationEvent.Id,
            Name = integrationEvent.Name,
            Attempts = attempt,
            ReceivedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
