using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Modules.Service.Domain;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application;

/// <summary>The use cases of things: list, find, create. The API and the page both call them.</summary>
internal sealed class ThingService(ServiceDbContext db, IEventBus events, TimeProvider time)
{
    public async Task<IReadOnlyList<ThingDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<Thing>().AsNoTracking().OrderBy(t => t.Name).Select(t => new ThingDto(t.Id, t.Name, t.CreatedAt)).ToListAsync(cancellationToken);

    public async Task<Result<ThingDto>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Thing>().AsNoTracking().Where(t => t.Id == id).Select(t => new ThingDto(t.Id, t.Name, t.CreatedAt)).FirstOrDefaultAsync(cancellationToken) is { } thing
            ? thing
            : Refusal.NotFound("service/thing-not-found", "There is no thing {0}.", id).Titled("No such thing");

    /// <summary>Stores a new thing and its <see cref="ThingCreatedIntegrationEvent"/> in one transaction; nothing when the name is refused.</summary>
    public async Task<Result<ThingDto>> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var created = Thing.Create(name, time.GetUtcNow().UtcDateTime);
        if (created.IsRefused)
        {
            return created.Refusal;
        }

        var thing = created.Value;
        db.Set<Thing>().Add(thing);
        // Published before SaveChanges: the kernel writes it to the module's outbox in the same transaction.
        events.Publish(new ThingCreatedIntegrationEvent(thing.Id, thing.Name));
        await db.SaveChangesAsync(cancellationToken);
        return new ThingDto(thing.Id, thing.Name, thing.CreatedAt);
    }
}
