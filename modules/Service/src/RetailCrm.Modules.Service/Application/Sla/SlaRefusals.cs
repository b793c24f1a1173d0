using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Sla;

internal static class SlaRefusals
{
    public static Refusal Invalid(IReadOnlyList<FieldRefusal> fields) =>
        Refusal.Invalid("service/sla-invalid", fields).Titled("The SLA setup is not valid");

    public static Refusal CalendarNotFound(Guid id) =>
        Refusal.NotFound("service/calendar-not-found", "There is no calendar {0}.", id).Titled("No such calendar");

    public static Refusal PolicyNotFound(Guid id) =>
        Refusal.NotFound("service/sla-policy-not-found", "There is no SLA policy {0}.", id).Titled("No such SLA policy");
}
