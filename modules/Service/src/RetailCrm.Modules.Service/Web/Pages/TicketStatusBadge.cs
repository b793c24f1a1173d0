using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>A ticket's status as a badge: new and open stand out, pending waits, resolved and closed are done.</summary>
internal static class TicketStatusBadge
{
    public static string Css(TicketStatus status) => status switch
    {
        TicketStatus.New => "warn",
        TicketStatus.Open => "on",
        TicketStatus.PendingCustomer or TicketStatus.PendingThirdParty => "muted",
        _ => "off",
    };
}
