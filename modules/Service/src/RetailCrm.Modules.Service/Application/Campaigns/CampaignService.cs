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

/// <summary>The filter a list was made from, kept on the list to show how it was made.</summary>
internal sealed record CampaignFilter(string? Term, string? Tier, LifecycleClass? LifecycleClass);

/// <summary>How a call went, with the agent's note.</summary>
internal sealed record CallOutcomeInput(CallOutcome? Outcome, string? Note);

/// <summary>A list's name and agents once checked: the name trimmed, the agents distinct and of the tenant.</summary>
internal sealed record CheckedCallList(string Name, IReadOnlyList<Guid> Agents);

/// <summary>
/// Makes call lists, from a customer filter here or from the customers another module chose (<see cref="OutboundCallLists"/>),
/// splits them among agents and records how each call went. Both ways of making a list check its name and agents and
/// split its calls the same way (<see cref="CheckAsync"/>, <see cref="SaveAsync"/>).
/// </summary>
internal sealed class CampaignService(ServiceDbContext db, ICustomerLookup customers, IUserDirectory users, ICurrentUser user, TimeProvider time)
{
    /// <summary>The most customers one list takes (the members search answers at most this many).</summary>
    public const int MaxCustomers = 50;

    public async Task<Result<Campaign>> CreateAsync(NewCampaign input, CancellationToken cancellationToken)
    {
        var fields = new List<FieldRefusal>();
        var list = await CheckAsync(input.Name, input.AgentUserIds, fields, cancellationToken);
        if (fields.Count > 0)
        {
            return Invalid(fields);
        }

        var tier = input.Tier?.Trim() is { Length: > 0 } t ? t : null;
        var found = (await customers.SearchAsync(input.Term?.Trim() ?? "", MaxCustomers, cancellationToken))
            .Where(c => HasPhone(c)
                && (tier is null || string.Equals(c.Tier, tier, StringComparison.OrdinalIgnoreCase))
                && (input.LifecycleClass is null || c.LifecycleClass == input.LifecycleClass))
            .ToList();
        if (found.Count == 0)
        {
            return Invalid([new FieldRefusal("term", LocalizableText.Of("The filter finds no customer with a phone number."))]);
        }

        var term = input.Term?.Trim() is { Length: > 0 } given ? given : null;
        return await SaveAsync(list, found, new CampaignFilter(term, tier, input.LifecycleClass), cancellationToken);
    }

    /// <summary>
    /// The list's name and agents, checked: a name of 1 to <see cref="Campaign.MaxNameLength"/> characters and at least one
    /// agent, each an active user of the tenant. What is at fault goes to <paramref name="fields"/> (<c>name</c>, <c>agentUserIds</c>).
    /// </summary>
    public async Task<CheckedCallList> CheckAsync(string? name, IReadOnlyList<Guid>? agentUserIds, List<FieldRefusal> fields, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > Campaign.MaxNameLength)
        {
            fields.Add(new FieldRefusal("name", LocalizableText.Of("Give the list a name of at most {0} characters.", Campaign.MaxNameLength)));
        }

        var agents = (agentUserIds ?? []).Distinct().ToList();
        var known = (await users.ListAsync(cancellationToken)).Select(u => u.Id).ToHashSet();
        if (agents.Count == 0 || agents.Any(a => !known.Contains(a)))
        {
            fields.Add(new FieldRefusal("agentUserIds", LocalizableText.Of("Choose one or more agents of this tenant.")));
        }

        return new CheckedCallList(trimmed, agents);
    }

    /// <summary>Whether a customer can be called: only those with a phone go on a list.</summary>
    public static bool HasPhone(CustomerSummary customer) => customer.Phone is { Length: > 0 };

    /// <summary>A refused list, with the fields at fault.</summary>
    public static Refusal Invalid(IReadOnlyList<FieldRefusal> fields) => Refusal.Invalid("service/campaign-invalid", fields).Titled("The call list is not valid");

    /// <summary>
    /// Stores the list with one call per customer (each with a phone, see <see cref="HasPhone"/>), the customers given to
    /// the agents in turn; <paramref name="filter"/> says how the customers were found, when a filter found them.
    /// </summary>
    public async Task<Campaign> SaveAsync(CheckedCallList list, IReadOnlyList<CustomerSummary> callees, CampaignFilter? filter, CancellationToken cancellationToken)
    {
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = list.Name,
            Term = filter?.Term,
            Tier = filter?.Tier,
            LifecycleClass = filter?.LifecycleClass,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = user.Id,
        };
        db.Set<Campaign>().Add(campaign);
        db.Set<CampaignCall>().AddRange(callees.Select((c, i) => new CampaignCall
        {
            Id = Guid.NewGuid(),
            CampaignId = campaign.Id,
            CustomerId = c.Id,
            CustomerName = c.DisplayName,
            Phone = c.Phone!,
            AgentUserId = list.Agents[i % list.Agents.Count],
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
