using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Application.Pipelines;

/// <summary>The tenant's pipelines with their stages; a tenant that has none yet gets the eight steps on first use.</summary>
internal sealed class PipelineCatalog(SalesDbContext db, ICurrentTenant tenant, TimeProvider time)
{
    public async Task<IReadOnlyList<PipelineView>> ListAsync(CancellationToken cancellationToken)
    {
        var pipelines = await ReadAsync(cancellationToken);
        if (pipelines.Count > 0)
        {
            return pipelines;
        }

        await EnsureDefaultAsync(cancellationToken);
        return await ReadAsync(cancellationToken);
    }

    public async Task<PipelineView?> FindAsync(Guid pipelineId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(p => p.Pipeline.Id == pipelineId);

    /// <summary>The pipeline named, null when there is none; the tenant's default one when none is named.</summary>
    public async Task<PipelineView?> FindOrDefaultAsync(Guid? pipelineId, CancellationToken cancellationToken)
    {
        var pipelines = await ListAsync(cancellationToken);
        return pipelineId is { } id
            ? pipelines.FirstOrDefault(p => p.Pipeline.Id == id)
            : pipelines.FirstOrDefault(p => p.Pipeline.IsDefault) ?? pipelines[0];
    }

    private async Task<IReadOnlyList<PipelineView>> ReadAsync(CancellationToken cancellationToken)
    {
        var pipelines = await db.Set<Pipeline>().AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var stages = await db.Set<Stage>().AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        return [.. pipelines.Select(p => new PipelineView(p, [.. stages.Where(s => s.PipelineId == p.Id)])).Where(v => v.Stages.Count > 0)];
    }

    private async Task EnsureDefaultAsync(CancellationToken cancellationToken)
    {
        // The default pipeline's id follows from the tenant's, so two first requests at once collide on the key.
        var created = Pipeline.Create(DefaultPipeline.Name, DefaultPipeline.NameZh, 0, time.GetUtcNow().UtcDateTime, DefaultIdOf(tenant.Id ?? Guid.Empty)).Value;
        created.IsDefault = true;
        db.Set<Pipeline>().Add(created);
        db.Set<Stage>().AddRange(DefaultPipeline.Stages.Select((settings, i) => Stage.Create(created.Id, settings, i).Value));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another request created it at the same time
        }
    }

    private static Guid DefaultIdOf(Guid tenantId)
    {
        var hash = SHA256.HashData([.. tenantId.ToByteArray(), .. "sales.default-pipeline"u8]);
        return new Guid(hash.AsSpan(0, 16));
    }
}
