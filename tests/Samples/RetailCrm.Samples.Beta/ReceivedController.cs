using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Samples.Beta.Persistence;

namespace RetailCrm.Samples.Beta;

/// <summary>What beta has received from alpha, oldest first.</summary>
[ApiController]
[Route("api/beta/received")]
public sealed class ReceivedController(BetaDbContext db) : ControllerBase
{
    [HttpGet]
    public async Task<IReadOnlyList<ReceivedDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.Received.OrderBy(r => r.ReceivedAt).Select(r => new ReceivedDto(r.ThingId, r.Name, r.Attempts)).ToListAsync(cancellationToken);
}

public sealed record ReceivedDto(Guid ThingId, string Name, int Attempts);
