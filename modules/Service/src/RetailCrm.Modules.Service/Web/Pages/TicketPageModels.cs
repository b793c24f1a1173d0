using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>The queue page: the view and filters asked for, the rows, their badges and who they are assigned to.</summary>
internal sealed record QueuePage(
    QueueQuery Query,
    TicketRows Rows,
    Pager Pager,
    IReadOnlyList<TicketType> Types,
    IReadOnlyDictionary<Guid, TicketBadge> Badges,
    IReadOnlyDictionary<Guid, string> UserNames);

/// <summary>The new-ticket form: the chosen type and customer, the customers a search found, and likely duplicates of a contact to register.</summary>
internal sealed record NewTicketPage(
    IReadOnlyList<TicketType> Types,
    TicketType Type,
    CustomerSummary? Customer,
    string? Find,
    IReadOnlyList<CustomerSummary> Found,
    IReadOnlyList<LikelyDuplicate> Duplicates,
    TicketChannel Channel,
    string? ContactPhone,
    Guid? CallId = null);

/// <summary>The ticket page: the ticket, its conversation, history, files, the customer, the people to assign and the other parts' panels.</summary>
internal sealed record TicketPage(
    TicketDetails Details,
    CustomerSummary? Customer,
    IReadOnlyList<TicketType> Types,
    IReadOnlyList<UserInfo> Agents,
    IReadOnlyList<OrganizationUnitInfo> Teams,
    IReadOnlyDictionary<Guid, string> UserNames,
    IReadOnlyList<TicketPanel> Panels,
    bool CanManage,
    bool CanWork)
{
    public Ticket Ticket => Details.Ticket;

    public string UserName(Guid? id) => id is { } value && UserNames.TryGetValue(value, out var name) ? name : "";
}

/// <summary>Texts of the enums the pages show, for the translation scan (Display.Name reads them).</summary>
internal static class ServiceTexts
{
    public static IReadOnlyList<KeyValuePair<string, string>> Options<TEnum>(IDisplayText display) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new KeyValuePair<string, string>(v.ToString(), display.Name(v))).ToList();
}
