using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>The refusals of ticket use cases, with their problem types (<c>service/...</c>).</summary>
internal static class TicketRefusals
{
    public static Refusal NotFound(Guid id) =>
        Refusal.NotFound("service/ticket-not-found", "There is no ticket {0}.", id).Titled("No such ticket");

    public static Refusal Changed() =>
        Refusal.Conflict("service/ticket-changed", "Someone else changed this ticket meanwhile; open it again to see the change, then repeat yours.")
            .Titled("The ticket changed meanwhile");

    public static Refusal Merged(string reference) =>
        Refusal.Conflict("service/ticket-merged", "This ticket was merged into {0}; work on that one.", reference).Titled("The ticket was merged");

    public static Refusal Invalid(IReadOnlyList<FieldRefusal> fields) =>
        Refusal.Invalid("service/ticket-invalid", fields).Titled("The ticket is not valid");
}
