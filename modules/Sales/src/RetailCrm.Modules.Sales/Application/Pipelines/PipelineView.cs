using RetailCrm.Modules.Sales.Domain.Pipelines;

namespace RetailCrm.Modules.Sales.Application.Pipelines;

/// <summary>A pipeline with its stages in order: what moves are checked against.</summary>
internal sealed record PipelineView(Pipeline Pipeline, IReadOnlyList<Stage> Stages)
{
    public Stage First => Stages[0];

    public Stage? Find(Guid stageId) => Stages.FirstOrDefault(s => s.Id == stageId);

    /// <summary>The position of the last gated stage, or -1 when no stage is gated: a deal is won only once past it.</summary>
    public int LastGatePosition => Stages.Where(s => s.RequiresApproval).Select(s => s.Position).DefaultIfEmpty(-1).Max();
}
