using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Contracts.Events;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>
/// The writes of deals: open, describe, lines, moves (exit criteria and gates), win and lose. Every change names the
/// version it was made from; another writer's change in between is a 409, and a refusal leaves nothing written.
/// </summary>
internal sealed class OpportunityService(
    SalesDbContext db,
    PipelineCatalog pipelines,
    ICustomerLookup customers,
    ICustomerRegistration registration,
    IDataScopeProvider dataScope,
    ICurrentUser user,
    ISettingProvider settings,
    IEventBus events,
    TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<Opportunity>> OpenAsync(NewOpportunity input, CancellationToken cancellationToken)
    {
        if (user.Id is not { } ownerId)
        {
            return Refusal.Forbidden("sales/user-only", "Only a signed-in sales person opens deals: a deal has an owner.");
        }

        var errors = input.Facts.Check().ToList();
        if (input.CustomerId is null && input.Prospect is null)
        {
            errors.Add(new FieldRefusal("customerId", LocalizableText.Of("Give the customer, or the prospect to register.")));
        }

        var pipeline = await pipelines.FindOrDefaultAsync(input.PipelineId, cancellationToken);
        if (pipeline is null)
        {
            return SalesRefusals.PipelineNotFound(input.PipelineId!.Value);
        }

        var draftId = Guid.NewGuid();
        var lines = await LinesAsync(draftId, input.Lines ?? [], errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/opportunity-invalid", errors);
        }

        var customer = await CustomerAsync(input, cancellationToken);
        if (customer.IsRefused)
        {
            return customer.Refusal;
        }

        var currency = await settings.GetAsync(SalesSettings.Currency, cancellationToken) ?? "CNY";
        var deal = Opportunity.Open(draftId, input.Facts, customer.Value.Id, customer.Value.DisplayName, ownerId, user.OrganizationUnitId, pipeline.First, currency, Now);
        deal.ReplaceLines(lines, Now);
        db.Set<Opportunity>().Add(deal);
        db.Set<OpportunityLine>().AddRange(lines);
        Record(deal, "stage", null, pipeline.First.Key);
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    public Task<Result<Opportunity>> DescribeAsync(Guid id, int version, OpportunityFacts facts, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, deal =>
        {
            if (facts.Check() is { Count: > 0 } errors)
            {
                return Task.FromResult<Result<Opportunity>>(Refusal.Invalid("sales/opportunity-invalid", errors));
            }

            RecordDifferences(deal, facts);
            deal.Describe(facts, Now);
            return Task.FromResult<Result<Opportunity>>(deal);
        }, cancellationToken);

    public Task<Result<Opportunity>> ReplaceLinesAsync(Guid id, int version, IReadOnlyList<LineInput> input, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async deal =>
        {
            if (!deal.IsOpen)
            {
                return SalesRefusals.Closed().At("lines");
            }

            var errors = new List<FieldRefusal>();
            var lines = await LinesAsync(deal.Id, input, errors, cancellationToken);
            if (errors.Count > 0)
            {
                return Refusal.Invalid("sales/line-invalid", errors);
            }

            await db.Set<OpportunityLine>().Where(l => l.OpportunityId == deal.Id).ExecuteDeleteAsync(cancellationToken);
            db.Set<OpportunityLine>().AddRange(lines);
            var before = deal.Amount;
            deal.ReplaceLines(lines, Now);
            Record(deal, "amount", before.ToString(System.Globalization.CultureInfo.InvariantCulture), deal.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return deal;
        }, cancellationToken, inTransaction: true);

    public async Task<Result<MoveResult>> MoveAsync(Guid id, int version, Guid stageId, string? note, CancellationToken cancellationToken)
    {
        MoveResult? moved = null;
        var changed = await ChangeAsync(id, version, async deal =>
        {
            var all = await pipelines.ListAsync(cancellationToken);
            var pipeline = all.FirstOrDefault(p => p.Pipeline.Id == deal.PipelineId);
            var target = all.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == stageId);
            if (pipeline is null || target is null)
            {
                return SalesRefusals.StageNotFound(stageId);
            }

            var outcome = StageMoveRules.Check(pipeline, deal, target, await EvidenceAsync(deal.Id, cancellationToken));
            if (outcome.IsRefused)
            {
                return outcome.Refusal;
            }

            var from = pipeline.Find(deal.StageId) ?? pipeline.First;
            StageMoveRequest? request = null;
            if (outcome.Value == MoveOutcome.Moved)
            {
                Enter(deal, from, target);
            }
            else if (outcome.Value == MoveOutcome.AwaitsApproval)
            {
                request = StageMoveRequest.Ask(deal.Id, from.Id, target.Id, user.Id ?? Guid.Empty, note, Now);
                db.Set<StageMoveRequest>().Add(request);
                deal.AwaitApproval(request.Id, Now);
                Record(deal, "approval", null, target.Key);
            }

            moved = new MoveResult(deal, outcome.Value, request);
            return deal;
        }, cancellationToken);
        return changed.IsRefused ? changed.Refusal : moved!;
    }

    /// <summary>The supervisor approves the gated move (the deal enters the stage) or sends it back with a comment.</summary>
    public async Task<Result<MoveResult>> DecideAsync(Guid requestId, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var request = await db.Set<StageMoveRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var deal = request is null ? null : await (await VisibleAsync(tracked: true, cancellationToken)).FirstOrDefaultAsync(o => o.Id == request.OpportunityId, cancellationToken);
        if (request is null || deal is null)
        {
            return Refusal.NotFound("sales/move-request-not-found", "There is no move request {0} among your team's deals.", requestId).Titled("No such request");
        }

        if (request.Status != MoveRequestStatus.Pending || deal.PendingMoveId != request.Id)
        {
            return Refusal.Conflict("sales/move-request-decided", "This move was decided already.").Titled("Already decided");
        }

        if (deal.OwnerUserId == user.Id)
        {
            return Refusal.Forbidden("sales/own-deal", "A supervisor does not approve his own deal's move; another supervisor of the unit or a manager does.");
        }

        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            return Refusal.Invalid("sales/move-request-invalid", "comment", "Say why the move is sent back: the sales person reads it.");
        }

        if (comment?.Trim().Length > StageMoveRequest.MaxCommentLength)
        {
            return Refusal.Invalid("sales/move-request-invalid", "comment", "Write at most {0} characters.", StageMoveRequest.MaxCommentLength);
        }

        var pipeline = (await pipelines.FindAsync(deal.PipelineId, cancellationToken))!;
        request.Decide(approve, user.Id ?? Guid.Empty, comment, Now);
        if (approve && pipeline.Find(request.ToStageId) is { } target)
        {
            Enter(deal, pipeline.Find(deal.StageId) ?? pipeline.First, target);
        }
        else
        {
            deal.SentBack(Now);
            Record(deal, "approval", pipeline.Find(request.ToStageId)?.Key, "sent-back");
        }

        return await SaveAsync(deal, cancellationToken) is { } refused ? refused : new MoveResult(deal, approve ? MoveOutcome.Moved : MoveOutcome.Unchanged, request);
    }

    public Task<Result<Opportunity>> WinAsync(Guid id, int version, string? reason, bool recordPurchase, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async deal =>
        {
            var pipeline = (await pipelines.FindAsync(deal.PipelineId, cancellationToken))!;
            if (StageMoveRules.CheckWin(pipeline, deal, await EvidenceAsync(deal.Id, cancellationToken)) is { } refused)
            {
                return refused;
            }

            if (await ReasonAsync(SalesSettings.WonReasons, reason, cancellationToken) is not { } chosen)
            {
                return await ReasonRefusalAsync(SalesSettings.WonReasons, cancellationToken);
            }

            deal.Close(OpportunityStatus.Won, chosen, Now);
            Record(deal, "status", nameof(OpportunityStatus.Open), nameof(OpportunityStatus.Won));
            events.Publish(new OpportunityWonIntegrationEvent(deal.Id, deal.CustomerId, deal.Amount, deal.Currency, chosen, Now, recordPurchase));
            return deal;
        }, cancellationToken);

    public Task<Result<Opportunity>> LoseAsync(Guid id, int version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async deal =>
        {
            if (!deal.IsOpen)
            {
                return SalesRefusals.Closed();
            }

            if (await ReasonAsync(SalesSettings.LostReasons, reason, cancellationToken) is not { } chosen)
            {
                return await ReasonRefusalAsync(SalesSettings.LostReasons, cancellationToken);
            }

            if (deal.PendingMoveId is { } pending)
            {
                await db.Set<StageMoveRequest>().Where(r => r.Id == pending).ExecuteDeleteAsync(cancellationToken);
            }

            deal.Close(OpportunityStatus.Lost, chosen, Now);
            Record(deal, "status", nameof(OpportunityStatus.Open), nameof(OpportunityStatus.Lost));
            events.Publish(new OpportunityLostIntegrationEvent(deal.Id, deal.CustomerId, deal.Amount, deal.Currency, chosen, Now));
            return deal;
        }, cancellationToken, inTransaction: true);

    /// <summary>The deals the current user may see (own, unit's or all); tracked when they are to be changed.</summary>
    public Task<IQueryable<Opportunity>> VisibleAsync(bool tracked, CancellationToken cancellationToken) =>
        dataScope.ApplyAsync(tracked ? db.Set<Opportunity>() : db.Set<Opportunity>().AsNoTracking(), o => o.OwnerUserId, o => o.UnitId, cancellationToken);

    public async Task<Evidence> EvidenceAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.OpportunityId == opportunityId)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var tags = await db.Set<OpportunityAttachment>().AsNoTracking().Where(a => a.OpportunityId == opportunityId).Select(a => a.Tag).Distinct().ToListAsync(cancellationToken);
        return new Evidence(activities.ToDictionary(a => a.Key, a => a.Count), tags.ToHashSet(StringComparer.Ordinal));
    }

    private void Enter(Opportunity deal, Stage from, Stage target)
    {
        deal.MoveTo(target, Now);
        Record(deal, "stage", from.Key, target.Key);
        events.Publish(new StageChangedIntegrationEvent(deal.Id, deal.PipelineId, from.Key, target.Key, deal.OwnerUserId, Now));
    }

    private async Task<Result<CustomerSummary>> CustomerAsync(NewOpportunity input, CancellationToken cancellationToken)
    {
        if (input.CustomerId is { } customerId)
        {
            return await customers.FindAsync(customerId, cancellationToken) is { } found
                ? found
                : Refusal.Invalid("sales/opportunity-invalid", "customerId", "There is no customer {0}.", customerId);
        }

        var registered = await registration.RegisterAsync(input.Prospect!, input.KeepDespiteDuplicates, cancellationToken);
        return registered.IsRefused ? registered.Refusal : registered.Value;
    }

    private async Task<List<OpportunityLine>> LinesAsync(Guid opportunityId, IReadOnlyList<LineInput> input, List<FieldRefusal> errors, CancellationToken cancellationToken)
    {
        if (input.Count > Opportunity.MaxLines)
        {
            errors.Add(new FieldRefusal("lines", LocalizableText.Of("A deal has at most {0} lines.", Opportunity.MaxLines)));
            return [];
        }

        var productIds = input.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Set<Product>().AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = new List<OpportunityLine>();
        for (var i = 0; i < input.Count; i++)
        {
            var given = input[i];
            Product? product = null;
            if (given.ProductId is { } productId && !products.TryGetValue(productId, out product))
            {
                errors.Add(new FieldRefusal($"lines[{i}].productId", LocalizableText.Of("There is no product {0} in the catalogue.", productId)));
                continue;
            }

            var line = OpportunityLine.Create(opportunityId, i, product?.Id, given.Description ?? product?.Name, given.Quantity, given.UnitPrice ?? product?.UnitPrice, given.DiscountPercent);
            if (line.IsRefused)
            {
                errors.AddRange(line.Refusal.Fields);
            }
            else
            {
                lines.Add(line.Value);
            }
        }

        return lines;
    }

    private async Task<string?> ReasonAsync(string setting, string? reason, CancellationToken cancellationToken) =>
        SalesSettings.Reasons(await settings.GetAsync(setting, cancellationToken)).FirstOrDefault(r => string.Equals(r, reason?.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<Refusal> ReasonRefusalAsync(string setting, CancellationToken cancellationToken)
    {
        var reasons = SalesSettings.Reasons(await settings.GetAsync(setting, cancellationToken));
        return Refusal.Invalid("sales/reason-invalid", "reason", "Choose a reason from the list: {0}.", string.Join("; ", reasons)).With("reasons", reasons);
    }

    private void RecordDifferences(Opportunity deal, OpportunityFacts facts)
    {
        (string Field, string? Before, string? After)[] fields =
        [
            ("title", deal.Title, facts.Title?.Trim()),
            ("expectedCloseDate", deal.ExpectedCloseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), facts.ExpectedCloseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("source", deal.Source, OpportunityFacts.Clean(facts.Source)),
            ("competitors", deal.Competitors, OpportunityFacts.Clean(facts.Competitors)),
            ("needs", deal.Needs, OpportunityFacts.Clean(facts.Needs)),
            ("solution", deal.Solution, OpportunityFacts.Clean(facts.Solution)),
        ];
        foreach (var (field, before, after) in fields.Where(f => f.Before != f.After))
        {
            Record(deal, field, before, after);
        }
    }

    private void Record(Opportunity deal, string field, string? from, string? to) =>
        db.Set<OpportunityChange>().Add(OpportunityChange.Of(deal.Id, field, from, to, user.Id, Now));

    /// <summary>Loads the visible deal at <paramref name="version"/>, runs the change and saves it; a refusal or another writer's change leaves nothing.</summary>
    private async Task<Result<Opportunity>> ChangeAsync(Guid id, int version, Func<Opportunity, Task<Result<Opportunity>>> change, CancellationToken cancellationToken, bool inTransaction = false)
    {
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var deal = await (await VisibleAsync(tracked: true, cancellationToken)).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (deal is null)
        {
            return SalesRefusals.NotFound(id);
        }

        if (deal.Version != version)
        {
            return SalesRefusals.Changed(deal.Version);
        }

        var outcome = await change(deal);
        if (outcome.IsRefused)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }

        if (await SaveAsync(deal, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<Refusal?> SaveAsync(Opportunity deal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == deal.Id).Select(o => o.Version).FirstOrDefaultAsync(cancellationToken);
            return SalesRefusals.Changed(current);
        }
    }
}
