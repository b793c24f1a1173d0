using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Analysis.Application.Actions;

/// <summary>How many of a list a greeting would reach: all, those who agreed to marketing, those of them with an address for the channel.</summary>
internal sealed record GreetingPreview(int Customers, int Consenting, int Reachable, string Channel);

/// <summary>What a greeting campaign did: how many messages were queued and how many customers were left out, and why.</summary>
internal sealed record GreetingSent(int Queued, int WithoutConsent, int WithoutAddress);

/// <summary>
/// Turns the customers behind a figure into an action through the other modules' Contracts: a tag on members, an
/// outbound call list on service (when installed), or a greeting through the templates and notification channels,
/// sent only to customers who agree to marketing at the moment of sending.
/// </summary>
internal sealed class SegmentActions(
    AnalysisQueries queries,
    ICustomerTagging tagging,
    IMarketingConsents consents,
    IEnumerable<IOutboundCallLists> callLists,
    IOutgoingMessages messages)
{
    /// <summary>The most customers one greeting campaign writes to.</summary>
    public const int MaxGreetings = 20_000;

    public async Task<Result<int>> TagAsync(CustomerFilter filter, string? tag, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(filter, ICustomerTagging.MaxCustomers, cancellationToken);
        if (ids.IsRefused)
        {
            return ids.Refusal;
        }

        return await tagging.TagAsync(ids.Value, tag ?? "", cancellationToken);
    }

    public async Task<Result<CallListMade>> CallListAsync(CustomerFilter filter, string? name, IReadOnlyList<Guid>? agentUserIds, CancellationToken cancellationToken)
    {
        var service = callLists.FirstOrDefault();
        if (service is null)
        {
            return Refusal.Unprocessable("analysis/service-not-installed", "Call lists are made by the service module, which is not installed.");
        }

        var ids = await IdsAsync(filter, IOutboundCallLists.MaxCustomers, cancellationToken);
        return ids.IsRefused ? ids.Refusal : await service.CreateAsync(new NewCallList(name, ids.Value, agentUserIds), cancellationToken);
    }

    public async Task<Result<GreetingPreview>> PreviewGreetingAsync(CustomerFilter filter, string? channel, CancellationToken cancellationToken)
    {
        var audience = await AudienceAsync(filter, channel, cancellationToken);
        return audience.IsRefused
            ? audience.Refusal
            : new GreetingPreview(audience.Value.All.Count, audience.Value.Consenting.Count, audience.Value.Reachable.Count, audience.Value.Channel);
    }

    public async Task<Result<GreetingSent>> SendGreetingAsync(CustomerFilter filter, string? channel, string? culture, CancellationToken cancellationToken)
    {
        var audience = await AudienceAsync(filter, channel, cancellationToken);
        if (audience.IsRefused)
        {
            return audience.Refusal;
        }

        var (all, consenting, reachable, kind) = audience.Value;
        if (reachable.Count == 0)
        {
            return Refusal.Invalid("analysis/greeting-invalid", "channel", "No customer of the list agrees to marketing and has an address for {0}.", kind);
        }

        foreach (var customer in reachable)
        {
            await messages.QueueAsync(new OutgoingMessage(kind, customer.Address, AnalysisTemplates.Greeting,
                new GreetingModel(customer.Name, customer.Code, customer.Segment ?? ""), culture) { ToName = customer.Name }, cancellationToken);
        }

        return new GreetingSent(reachable.Count, all.Count - consenting.Count, consenting.Count - reachable.Count);
    }

    private sealed record Recipient(Guid Id, string Code, string Name, string? Segment, string Address);

    private sealed record Audience(IReadOnlyList<Guid> All, IReadOnlySet<Guid> Consenting, IReadOnlyList<Recipient> Reachable, string Channel);

    private async Task<Result<Audience>> AudienceAsync(CustomerFilter filter, string? channel, CancellationToken cancellationToken)
    {
        var kind = channel?.Trim().ToLowerInvariant() is { Length: > 0 } c ? c : ChannelKinds.Email;
        if (kind is not (ChannelKinds.Email or ChannelKinds.Sms))
        {
            return Refusal.Invalid("analysis/greeting-invalid", "channel", "Send by '{0}' or '{1}'.", ChannelKinds.Email, ChannelKinds.Sms);
        }

        var found = await queries.FilteredAsync(filter, cancellationToken);
        if (found.IsRefused)
        {
            return found.Refusal;
        }

        var rows = await found.Value.Query.Take(MaxGreetings + 1)
            .Select(s => new { s.CustomerId, s.Code, s.DisplayName, s.Segment, s.Email, s.Phone })
            .ToListAsync(cancellationToken);
        if (rows.Count > MaxGreetings)
        {
            return Refusal.Invalid("analysis/greeting-invalid", "filter", "A greeting goes to at most {0} customers; narrow the list.", MaxGreetings);
        }

        var ids = rows.Select(r => r.CustomerId).ToList();
        var consenting = ids.Count == 0 ? new HashSet<Guid>() : await consents.ConsentingAsync(ids, cancellationToken);
        var reachable = rows
            .Where(r => consenting.Contains(r.CustomerId))
            .Select(r => new Recipient(r.CustomerId, r.Code, r.DisplayName, r.Segment?.ToString(), (kind == ChannelKinds.Email ? r.Email : r.Phone) ?? ""))
            .Where(r => r.Address.Length > 0)
            .ToList();
        return new Audience(ids, consenting, reachable, kind);
    }

    private async Task<Result<List<Guid>>> IdsAsync(CustomerFilter filter, int max, CancellationToken cancellationToken)
    {
        var found = await queries.FilteredAsync(filter, cancellationToken);
        if (found.IsRefused)
        {
            return found.Refusal;
        }

        var ids = await found.Value.Query.Select(c => c.CustomerId).Take(max + 1).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return Refusal.Invalid("analysis/list-empty", "filter", "The list has no customer.");
        }

        return ids.Count > max
            ? Refusal.Invalid("analysis/list-too-long", "filter", "The list has more than {0} customers; narrow it.", max)
            : ids;
    }
}

/// <summary>The greeting template's model (snake_case in the template: <c>customer_name</c>, <c>customer_code</c>, <c>segment</c>).</summary>
internal sealed record GreetingModel(string CustomerName, string CustomerCode, string Segment);
