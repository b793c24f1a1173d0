using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="StageTotal"/> in step with the deals: before a save, what each added or changed deal counted
/// (open, in a stage, with an amount) is noted; after it, in the same transaction, each difference is added to its row
/// with one atomic upsert. A save that fails (a stale version) rolls the totals back with it.
/// </summary>
internal static class StageTotals
{
    internal sealed record Counted(Guid PipelineId, Guid StageId, Guid OwnerUserId, Guid? UnitId, long Amount);

    public static IReadOnlyList<(Opportunity Deal, Counted? Before)> Noted(ChangeTracker tracker) =>
        [.. tracker.Entries<Opportunity>()
            .Where(e => e.State is EntityState.Added || (e.State is EntityState.Modified && Changed(e)))
            .Select(e => (e.Entity, e.State == EntityState.Added ? null : Original(e)))];

    public static async Task ApplyAsync(SalesDbContext db, IReadOnlyList<(Opportunity Deal, Counted? Before)> noted, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<(Guid Tenant, Guid Stage, Guid Owner, Guid? Unit), (Guid Pipeline, int Count, long Amount)>();
        foreach (var (deal, before) in noted)
        {
            if (before is not null)
            {
                Add(deltas, deal.TenantId, before, -1);
            }

            if (deal.Status == OpportunityStatus.Open)
            {
                Add(deltas, deal.TenantId, new Counted(deal.PipelineId, deal.StageId, deal.OwnerUserId, deal.UnitId, deal.Amount), +1);
            }
        }

        var entity = db.Model.FindEntityType(typeof(StageTotal))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        // One statement for every difference: the table name comes from the model, the values are parameters
        // (a unit key of Guid.Empty stores no unit).
        var changes = deltas.Where(d => d.Value.Count != 0 || d.Value.Amount != 0).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var values = new List<object>();
        var rows = new List<string>();
        foreach (var ((tenant, stage, owner, unit), (pipeline, count, amount)) in changes)
        {
            var at = values.Count;
            values.AddRange([tenant, stage, owner, unit ?? Guid.Empty, Guid.Empty, pipeline, count, amount]);
            rows.Add($"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, NULLIF({{{at + 3}}}, {{{at + 4}}}), {{{at + 5}}}, {{{at + 6}}}, {{{at + 7}}})");
        }

        var upsert = $"""
            INSERT INTO {table} AS t ("TenantId", "StageId", "OwnerUserId", "UnitKey", "UnitId", "PipelineId", "Count", "Amount") VALUES {string.Join(", ", rows)}
            ON CONFLICT ("TenantId", "StageId", "OwnerUserId", "UnitKey") DO UPDATE SET "Count" = t."Count" + excluded."Count", "Amount" = t."Amount" + excluded."Amount"
            """;
        await db.Database.ExecuteSqlRawAsync(upsert, values, cancellationToken);
    }

    private static void Add(Dictionary<(Guid, Guid, Guid, Guid?), (Guid Pipeline, int Count, long Amount)> deltas, Guid tenant, Counted c, int sign)
    {
        var key = (tenant, c.StageId, c.OwnerUserId, c.UnitId);
        var (_, count, amount) = deltas.GetValueOrDefault(key, (c.PipelineId, 0, 0));
        deltas[key] = (c.PipelineId, count + sign, amount + (sign * c.Amount));
    }

    private static bool Changed(EntityEntry<Opportunity> e) =>
        new[] { nameof(Opportunity.StageId), nameof(Opportunity.Status), nameof(Opportunity.Amount), nameof(Opportunity.OwnerUserId), nameof(Opportunity.UnitId), nameof(Opportunity.PipelineId) }
            .Any(p => e.Property(p).IsModified);

    private static Counted? Original(EntityEntry<Opportunity> e) =>
        e.OriginalValues.GetValue<OpportunityStatus>(nameof(Opportunity.Status)) != OpportunityStatus.Open
            ? null
            : new Counted(
                e.OriginalValues.GetValue<Guid>(nameof(Opportunity.PipelineId)),
                e.OriginalValues.GetValue<Guid>(nameof(Opportunity.StageId)),
                e.OriginalValues.GetValue<Guid>(nameof(Opportunity.OwnerUserId)),
                e.OriginalValues.GetValue<Guid?>(nameof(Opportunity.UnitId)),
                e.OriginalValues.GetValue<long>(nameof(Opportunity.Amount)));
}
