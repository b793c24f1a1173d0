using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>The refusals of deals that more than one use case gives.</summary>
internal static class SalesRefusals
{
    public static Refusal NotFound(Guid id) =>
        Refusal.NotFound("sales/opportunity-not-found", "There is no deal {0}.", id).Titled("No such deal");

    /// <summary>409 with the version the caller must read again.</summary>
    public static Refusal Changed(int currentVersion) =>
        Refusal.Conflict("sales/opportunity-changed", "Someone else changed this deal meanwhile; open it again to see the change, then repeat yours.")
            .Titled("The deal changed meanwhile").At("version").With("currentVersion", currentVersion);

    public static Refusal Closed() =>
        Refusal.Conflict("sales/opportunity-closed", "The deal is won or lost: its lines and stage no longer change.").Titled("The deal is closed");

    public static Refusal AwaitingApproval() =>
        Refusal.Conflict("sales/approval-pending", "The deal waits for the supervisor's decision on its move; it moves again once that is made.").Titled("Waiting for approval");

    public static Refusal StageNotFound(Guid stageId) =>
        Refusal.NotFound("sales/stage-not-found", "There is no stage {0}.", stageId).At("stageId").Titled("No such stage");

    public static Refusal PipelineNotFound(Guid pipelineId) =>
        Refusal.NotFound("sales/pipeline-not-found", "There is no pipeline {0}.", pipelineId).At("pipelineId").Titled("No such pipeline");
}
