using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>An open ticket of the caller, as the pop lists it.</summary>
internal sealed record PopTicket(Guid Id, string Reference, string Subject, string Status, string Url);

/// <summary>A figure of the customer from another module (the cards held, their balance and points ...), as the 360° summary shows it.</summary>
internal sealed record PopFact(string Key, string Title, string Value, string? Url);

/// <summary>A customer with the caller's number, with the links of the pop's buttons.</summary>
internal sealed record PopCustomer(
    Guid Id, string Code, string Name, string? Tier, string LifecycleClass, string ProfileUrl, string OpenTicketUrl, IReadOnlyList<PopTicket> OpenTickets,
    IReadOnlyList<PopFact> Facts);

/// <summary>What the agent's screen shows of a ringing call; no customer means an unknown number (the quick-create form).</summary>
internal sealed record ScreenPopView(Guid CallRecordId, string CallId, string Number, IReadOnlyList<PopCustomer> Customers);

/// <summary>
/// Builds the pop as the agent whose page shows it: the agent's data scope decides which tickets are listed, and the
/// agent's permissions which of the other modules' figures (the customer 360° summary: cards, balance, points) show.
/// </summary>
internal sealed class ScreenPopBuilder(ICustomerLookup customers, TicketQueries tickets, ICustomerSummary summary)
{
    private const int MaxTickets = 5;

    public async Task<ScreenPopView> BuildAsync(RingingCall call, CancellationToken cancellationToken)
    {
        var found = call.FromE164 is null ? [] : await customers.FindByPhoneAsync(call.FromE164, cancellationToken);
        var shown = new List<PopCustomer>();
        foreach (var customer in found.Take(3))
        {
            var open = await tickets.OfCustomerAsync(customer.Id, openOnly: true, MaxTickets, cancellationToken);
            shown.Add(new PopCustomer(
                customer.Id,
                customer.Code,
                customer.DisplayName,
                customer.Tier,
                customer.LifecycleClass.ToString(),
                $"/members/customers/{customer.Id}",
                OpenTicketUrl(customer.Id, call.CallRecordId),
                [.. open.Select(t => new PopTicket(t.Id, t.Reference, t.Subject, t.Status.ToString(), $"/service/tickets/{t.Id}"))],
                await FactsAsync(customer.Id, cancellationToken)));
        }

        return new ScreenPopView(call.CallRecordId, call.CallId, call.FromE164 ?? call.From, shown);
    }

    /// <summary>The other modules' tiles of the customer's summary; the service module's own are the open tickets above.</summary>
    private async Task<IReadOnlyList<PopFact>> FactsAsync(Guid customerId, CancellationToken cancellationToken) =>
        [.. (await summary.GetAsync(customerId, cancellationToken))
            .Where(part => part.Module != Infrastructure.Persistence.ServiceDbContext.ModuleId)
            .SelectMany(part => part.Tiles)
            .Select(tile => new PopFact(tile.Key, tile.Title, tile.Value, tile.Url))];

    public static string OpenTicketUrl(Guid customerId, Guid callRecordId) =>
        $"/service/tickets/new?customerId={customerId}&channel=Phone&callId={callRecordId}";
}
