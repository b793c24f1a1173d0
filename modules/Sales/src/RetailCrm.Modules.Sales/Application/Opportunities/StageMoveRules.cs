using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>What a deal has to show for the exit criteria: its journal entries by kind and the tags of its files.</summary>
internal sealed record Evidence(IReadOnlyDictionary<ActivityKind, int> Activities, IReadOnlySet<string> AttachmentTags)
{
    public int Count(ActivityKind kind) => Activities.TryGetValue(kind, out var count) ? count : 0;
}

/// <summary>How an allowed move is made.</summary>
internal enum MoveOutcome
{
    /// <summary>The deal is already there.</summary>
    Unchanged,

    /// <summary>The deal moves now.</summary>
    Moved,

    /// <summary>The target is gated: the move waits for the supervisor.</summary>
    AwaitsApproval,
}

/// <summary>
/// Whether a deal may move to a stage. Backwards is always allowed for an open deal. Forwards, the exit criteria of
/// every stage left behind must be met (all that is missing is listed at once), no gated stage may be jumped over,
/// and entering a gated stage becomes a request to the supervisor.
/// </summary>
internal static class StageMoveRules
{
    public static Result<MoveOutcome> Check(PipelineView pipeline, Opportunity deal, Stage target, Evidence evidence)
    {
        if (target.PipelineId != deal.PipelineId)
        {
            return Refusal.Invalid("sales/stage-of-another-pipeline", "stageId", "The stage {0} belongs to another pipeline; a deal moves within its own.", target.Name);
        }

        if (deal.Status == OpportunityStatus.Lost)
        {
            return SalesRefusals.Closed();
        }

        if (deal.PendingMoveId is not null)
        {
            return SalesRefusals.AwaitingApproval();
        }

        var current = pipeline.Find(deal.StageId) ?? pipeline.First;
        if (target.Id == current.Id)
        {
            return MoveOutcome.Unchanged;
        }

        if (target.Position < current.Position)
        {
            // A won deal only moves on to the after-sale stages.
            return deal.IsOpen ? MoveOutcome.Moved : SalesRefusals.Closed();
        }

        if (pipeline.Stages.FirstOrDefault(s => s.RequiresApproval && s.Position > current.Position && s.Position < target.Position) is { } skipped)
        {
            return Refusal.Conflict("sales/gate-skipped", "The deal cannot jump over {0}: that stage needs the supervisor's approval; move it there first.", skipped.Name)
                .At("stageId").Titled("A gate cannot be skipped");
        }

        var left = pipeline.Stages.Where(s => s.Position >= current.Position && s.Position < target.Position).ToList();
        var missing = left.SelectMany(s => Missing(s, deal, evidence)).ToList();
        if (missing.Count > 0)
        {
            return Unmet(current, missing);
        }

        return target.RequiresApproval ? MoveOutcome.AwaitsApproval : MoveOutcome.Moved;
    }

    /// <summary>Whether the open deal may be won where it stands: past every gate, with its stage's exit criteria met.</summary>
    public static Refusal? CheckWin(PipelineView pipeline, Opportunity deal, Evidence evidence)
    {
        if (!deal.IsOpen)
        {
            return SalesRefusals.Closed();
        }

        if (deal.PendingMoveId is not null)
        {
            return SalesRefusals.AwaitingApproval();
        }

        var current = pipeline.Find(deal.StageId) ?? pipeline.First;
        if (current.Position < pipeline.LastGatePosition)
        {
            var gate = pipeline.Stages.First(s => s.RequiresApproval && s.Position > current.Position);
            return Refusal.Conflict("sales/gate-skipped", "The deal cannot be won before {0}: that stage needs the supervisor's approval.", gate.Name)
                .Titled("A gate cannot be skipped");
        }

        var missing = Missing(current, deal, evidence).ToList();
        return missing.Count == 0 ? null : Unmet(current, missing);
    }

    /// <summary>Each thing the stage's exit criteria still miss, under the field or journal or file it is about.</summary>
    public static IEnumerable<FieldRefusal> Missing(Stage stage, Opportunity deal, Evidence evidence)
    {
        var criteria = stage.ExitCriteria;
        foreach (var field in criteria.RequiredFields.Where(f => !deal.Has(f)))
        {
            yield return new FieldRefusal(field, FieldText(field));
        }

        foreach (var required in criteria.RequiredActivities.Where(a => evidence.Count(a.Kind) < a.Count))
        {
            yield return new FieldRefusal($"activities.{required.Kind.ToString().ToLowerInvariant()}",
                LocalizableText.Of("Log {0} × {1} in the journal first ({2} so far).", required.Count, required.Kind, evidence.Count(required.Kind)));
        }

        foreach (var tag in criteria.RequiredAttachments.Where(t => !evidence.AttachmentTags.Contains(t)))
        {
            yield return new FieldRefusal($"attachments.{tag}", LocalizableText.Of("Attach the {0} first.", tag));
        }
    }

    /// <summary>409 with every missing item under <c>errors</c>, each at the field, journal kind or file tag it is about.</summary>
    private static Refusal Unmet(Stage current, IReadOnlyList<FieldRefusal> missing) =>
        new Refusal(RefusalKind.Conflict, "sales/exit-criteria-unmet", LocalizableText.Of("The deal cannot leave {0} yet; see what is missing.", current.Name))
        {
            Fields = missing,
            Title = "Exit criteria not met",
        };

    private static LocalizableText FieldText(string field) => LocalizableText.Of(field switch
    {
        "needs" => "Write down the customer's needs first.",
        "solution" => "Write down the solution worked out first.",
        "expectedCloseDate" => "Give the expected close date first.",
        "lines" => "Add at least one line of what is sold first.",
        "competitors" => "Name the competitors first.",
        _ => "Say where the deal came from first.",
    });
}
