using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Domain.Campaigns;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Campaigns;

/// <summary>
/// A new call list: its name, the customer filter (a search term as the customer list takes it, a tier, a lifecycle
/// class) and the agents (user ids) the customers are split among, in turn.
/// </summary>
internal sealed record NewCampaign(string? Name, string? Term, string? Tier, LifecycleClass? LifecycleClass, IReadOnlyList<Guid>? AgentUserIds);

/// <summary>How a call went, with the agent's note.</summary>
internal sealed record CallOutcomeInput(CallOutcome? Outcome, string? Note);

/// <summary>Makes call lists from a customer filter, splits them among agents and records how each call went.</summary>
internal sealed class CampaignService(ServiceDbContext db, ICustomerLookup customers, IUserDirectory users, ICurrentUser user, TimeProvider time)
{
    /// <summary>The most customers one list takes (the members search answers at most this many).</summary>
    public const int MaxCustomers = 50;

    public async Task<Result<Campaign>> CreateAsync(NewCampaign input, CancellationToken cancellationToken)
    {
        var fields = new List<FieldRefusal>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > Campaign.MaxNameLength)
        {
            fields.Add(new FieldRefusal("name", LocalizableText.Of("Give the list a name of at most {0} characters.", Campaign.MaxNameLength)));
        }

        var agents = (input.AgentUserIds ?? []).Distinct().ToList();
        var known = (await users.ListAsync(cancellationToken)).Select(u => u.Id).ToHashSet();
        if (agents.Count == 0 || agents.Any(a => !known.Contains(a)))
        {
            fields.Add(new FieldRefusal("agentUserIds", LocalizableText.Of("Choose one or more agents of this tenant.")));
        }

        if (fields.Count > 0)
        {
            return Refusal.Invalid("service/campaign-invalid", fields).Titled("The call list is not valid");
        }

        var tier = input.Tier?.Trim() is { Length: > 0 } t ? t : null;
        var found = (await customers.SearchAsync(input.Term?.Trim() ?? "", MaxCustomers, cancellationToken))
            .Where(c => c.Phone is { Length: > 0 }
                && (tier is null || string.Equals(c.Tier, tier, StringComparison.OrdinalIgnoreCase))
                && (input.LifecycleClass is null || c.LifecycleClass == input.LifecycleClass))
            .ToList();
        if (found.Count == 0)
        {
            return Refusal.Invalid("service/campaign-invalid", "term", "The filter finds no customer with a phone number.").Titled("The call list is not valid");
        }

        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = name,
            Term = input.Term?.Trim() is { Length: > 0 } term ? term : null,
            Tier = tier,
            LifecycleClass = input.LifecycleClass,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = user.Id,
        };
        db.Set<Campaign>().Add(campaign);
        db.Set<CampaignCall>().AddRange(found.Select((c, i) => new CampaignCall
        {
            Id = Guid.NewGuid(),
            CampaignId = campaign.Id,
            CustomerId = c.Id,
            CustomerName = c.DisplayName,
            Phone = c.Phone!,
            AgentUserId = agents[i % agents.Count],
        }));
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    public async Task<Result<CampaignCall>> RecordAsync(Guid campaignId, Guid callId, CallOutcomeInput input, CancellationToken cancellationToken)
    {
        var call = await db.Set<CampaignCall>().FirstOrDefaultAsync(c => c.Id == callId && c.CampaignId == campaignId, cancellationToken);
        if (call is null)
        {
            return Refusal.NotFound("service/campaign-call-not-found", "There is no call {0} in this list.", callId).Titled("No such call");
        }

        var fields = new List<FieldRefusal>();
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            fields.Add(new FieldRefusal("outcome", LocalizableText.Of("Choose how the call went: Reached, NoAnswer, CallBack, WrongNumber or Refused.")));
        }

        if (input.Note is { Length: > CampaignCall.MaxNoteLength })
        {
            fields.Add(new FieldRefusal("note", LocalizableText.Of("At most {0} characters.", CampaignCall.MaxNoteLength)));
        }

        if (fields.Count > 0)
        {
            return Refusal.Invalid("service/campaign-call-invalid", fields).Titled("The outcome is not valid");
        }

        call.Outcome = input.Outcome;
        call.Note = input.Note?.Trim() is { Length: > 0 } note ? note : null;
        call.CalledAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return call;
    }
}
