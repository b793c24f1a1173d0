using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Routing;

/// <summary>A routing rule as given; empty conditions match every ticket, words are comma-separated.</summary>
internal sealed record RoutingRuleInput(
    string? Name,
    int? Order,
    bool? IsActive,
    TicketChannel? Channel,
    string? TypeKey,
    string? CustomerTier,
    string? SubjectWords,
    Guid? TeamUnitId,
    RoutingStrategy? Strategy);

/// <summary>Keeps the tenant's routing rules and the agents' availability.</summary>
internal sealed class RoutingAdministration(ServiceDbContext db, ICurrentUser user, TimeProvider time)
{
    public Task<List<RoutingRule>> RulesAsync(CancellationToken cancellationToken) =>
        db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public async Task<Result<RoutingRule>> SaveRuleAsync(Guid? id, RoutingRuleInput input, CancellationToken cancellationToken)
    {
        var rule = id is { } existingId ? await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == existingId, cancellationToken) : null;
        if (id is not null && rule is null)
        {
            return RuleNotFound(id.Value);
        }

        var errors = new List<FieldRefusal>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > RoutingRule.MaxNameLength)
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give a name of 1 to {0} characters.", RoutingRule.MaxNameLength)));
        }

        var words = string.Join(',', (input.SubjectWords ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).Distinct());
        if (words.Length > RoutingRule.MaxWordsLength)
        {
            errors.Add(new FieldRefusal("subjectWords", LocalizableText.Of("Give at most {0} characters of words.", RoutingRule.MaxWordsLength)));
        }

        if (input.Strategy is null or RoutingStrategy.None && input.TeamUnitId is null)
        {
            errors.Add(new FieldRefusal("strategy", LocalizableText.Of("Give a team, a strategy (RoundRobin, LeastBusy) or both.")));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("service/routing-invalid", errors).Titled("The routing rule is not valid");
        }

        if (rule is null)
        {
            rule = RoutingRule.Create(name!, input.Order ?? await NextOrderAsync(cancellationToken));
            db.Set<RoutingRule>().Add(rule);
        }

        rule.Name = name!;
        rule.Order = input.Order ?? rule.Order;
        rule.IsActive = input.IsActive ?? true;
        rule.Channel = input.Channel;
        rule.TypeKey = string.IsNullOrWhiteSpace(input.TypeKey) ? null : input.TypeKey.Trim();
        rule.CustomerTier = string.IsNullOrWhiteSpace(input.CustomerTier) ? null : input.CustomerTier.Trim();
        rule.SubjectWords = words;
        rule.TeamUnitId = input.TeamUnitId;
        rule.Strategy = input.Strategy ?? RoutingStrategy.None;
        await db.SaveChangesAsync(cancellationToken);
        return rule;
    }

    public async Task<Result<bool>> DeleteRuleAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<RoutingRule>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? RuleNotFound(id) : true;

    /// <summary>Whether the signed-in agent takes new tickets; available unless they said otherwise.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        user.Id is not { } id || await db.Set<AgentAvailability>().Where(a => a.UserId == id).Select(a => (bool?)a.IsAvailable).FirstOrDefaultAsync(cancellationToken) != false;

    public async Task<Result<bool>> SetAvailableAsync(bool available, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return Refusal.Forbidden("service/agent-only", "Only a signed-in agent can be available or away.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Set<AgentAvailability>().FirstOrDefaultAsync(a => a.UserId == id, cancellationToken);
        if (row is null)
        {
            row = AgentAvailability.For(id, now);
            db.Set<AgentAvailability>().Add(row);
        }

        row.IsAvailable = available;
        row.ChangedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return available;
    }

    private static Refusal RuleNotFound(Guid id) =>
        Refusal.NotFound("service/routing-rule-not-found", "There is no routing rule {0}.", id).Titled("No such routing rule");

    private async Task<int> NextOrderAsync(CancellationToken cancellationToken) =>
        (await db.Set<RoutingRule>().MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0) + 10;
}
