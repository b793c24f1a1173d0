using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Samples.Alpha.Persistence;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Samples.Alpha;

/// <summary>Lists and creates alpha things; creating one raises <see cref="AlphaThingCreatedIntegrationEvent"/>.</summary>
[ApiController]
[Route("api/alpha/things")]
public sealed class ThingsController : ControllerBase
{
    private readonly AlphaDbContext _db;
    private readonly IEventBus _events;

    public ThingsController(AlphaDbContext db, IEventBus events)
    {
        _db = db;
        _events = events;
    }

    [HttpGet]
    public async Task<IReadOnlyList<ThingDto>> ListAsync(CancellationToken cancellationToken) =>
        await _db.Things.OrderBy(t => t.Name).Select(t => new ThingDto(t.Id, t.Name)).ToListAsync(cancellationToken);

    [HttpPost]
    public async Task<ActionResult<ThingDto>> CreateAsync(CreateThingRequest request, CancellationToken cancellationToken)
    {
        var thing = new AlphaThing { Id = Guid.NewGuid(), Name = request.Name };
        _db.Things.Add(thing);
        // Published before SaveChanges so that the event is written to the outbox in the same transaction.
        _events.Publish(new AlphaThingCreatedIntegrationEvent(thing.Id, thing.Name));
        await _db.SaveChangesAsync(cancellationToken);
        return Created($"/api/alpha/things/{thing.Id}", new ThingDto(thing.Id, thing.Name));
    }
}

public sealed record ThingDto(Guid Id, string Name);

public sealed record CreateThingRequest(string Name);
