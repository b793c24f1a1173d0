using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Pipelines;

/// <summary>What an admin gives for a stage, exit criteria included.</summary>
internal sealed record StageInput(string? Key, string? Name, string? NameZh, int? Probability, int? RottingDays, bool RequiresApproval,
    IReadOnlyList<string>? RequiredFields, IReadOnlyList<RequiredActivity>? RequiredActivities, IReadOnlyList<string>? RequiredAttachments);

/// <summary>Admins set up pipelines: a new one with its stages, or a stage's names, probability, rotting days, gate and exit criteria.</summary>
internal sealed class PipelineAdministration(SalesDbContext db, PipelineCatalog catalog, TimeProvider time)
{
    public const int MaxStages = 20;

    public async Task<Result<PipelineView>> CreateAsync(string? name, string? nameZh, IReadOnlyList<StageInput>? stages, CancellationToken cancellationToken)
    {
        var existing = await catalog.ListAsync(cancellationToken);
        var pipeline = Pipeline.Create(name, nameZh, existing.Count, time.GetUtcNow().UtcDateTime);
        if (pipeline.IsRefused)
        {
            return pipeline.Refusal;
        }

        var given = stages ?? [];
        if (given.Count is 0 or > MaxStages)
        {
            return Refusal.Invalid("sales/pipeline-invalid", "stages", "A pipeline has 1 to {0} stages.", MaxStages);
        }

        var created = new List<Stage>();
        var errors = new List<FieldRefusal>();
        for (var i = 0; i < given.Count; i++)
        {
            var settings = Settings(given[i]);
            var stage = settings.IsRefused ? settings.Refusal : Stage.Create(pipeline.Value.Id, settings.Value, i);
            if (stage.IsRefused)
            {
                errors.AddRange(stage.Refusal.Fields.Select(f => f with { Field = $"stages[{i}].{f.Field}" }));
            }
            else
            {
                created.Add(stage.Value);
            }
        }

        if (created.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() != created.Count)
        {
            errors.Add(new FieldRefusal("stages", LocalizableText.Of("Each stage of a pipeline has its own key.")));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/pipeline-invalid", errors);
        }

        db.Set<Pipeline>().Add(pipeline.Value);
        db.Set<Stage>().AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        return new PipelineView(pipeline.Value, created);
    }

    public async Task<Result<Stage>> ChangeStageAsync(Guid pipelineId, Guid stageId, StageInput input, CancellationToken cancellationToken)
    {
        var stage = await db.Set<Stage>().FirstOrDefaultAsync(s => s.Id == stageId && s.PipelineId == pipelineId, cancellationToken);
        if (stage is null)
        {
            return SalesRefusals.StageNotFound(stageId);
        }

        var settings = Settings(input);
        if (settings.IsRefused)
        {
            return settings.Refusal;
        }

        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        if (await db.Set<Stage>().AnyAsync(s => s.PipelineId == pipelineId && s.Id != stageId && s.Key == key, cancellationToken))
        {
            return Refusal.Conflict("sales/stage-key-taken", "Another stage of the pipeline has the key {0}.", input.Key ?? "").At("key");
        }

        var changed = stage.Change(settings.Value);
        if (changed.IsRefused)
        {
            db.ChangeTracker.Clear();
            return changed.Refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        return stage;
    }

    private static Result<StageSettings> Settings(StageInput input)
    {
        var criteria = ExitCriteria.Of(input.RequiredFields, input.RequiredActivities, input.RequiredAttachments);
        if (criteria.IsRefused)
        {
            return criteria.Refusal;
        }

        if (input.Probability is null)
        {
            return Refusal.Invalid("sales/stage-invalid", "probability", "The probability is a whole number from 0 to 100.");
        }

        return new StageSettings(input.Key, input.Name, input.NameZh, input.Probability.Value, input.RottingDays, input.RequiresApproval, criteria.Value);
    }
}
