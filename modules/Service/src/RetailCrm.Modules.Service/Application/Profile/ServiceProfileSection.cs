using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Profile;

/// <summary>
/// The customer's tickets on the 360° page (partial <c>Profile/_ServiceTickets</c>): open ones first, then the latest
/// done ones, each linked to its ticket page. Nothing is shown to a user who may not see tickets.
/// </summary>
internal sealed class ServiceProfileSection(TicketQueries queries, IPermissionChecker permissions, IStringLocalizer<ServiceModule> t) : IProfileSectionContributor
{
    public const int Shown = 20;
    public const string PartialView = "~/Web/Views/Profile/_ServiceTickets.cshtml";

    public async Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(ServicePermissions.TicketsView, cancellationToken))
        {
            return null;
        }

        var open = await queries.OfCustomerAsync(customerId, openOnly: true, Shown, cancellationToken);
        var latest = await queries.OfCustomerAsync(customerId, openOnly: false, Shown, cancellationToken);
        var ordered = open.OrderByDescending(r => r.UpdatedAt)
            .Concat(latest.Where(r => r.Status is TicketStatus.Resolved or TicketStatus.Closed).OrderByDescending(r => r.UpdatedAt))
            .Take(Shown).ToList();
        return new ProfileSection(t["Service tickets"], PartialView, new CustomerTickets(customerId, ordered), 40);
    }
}

/// <summary>What the 360° section shows.</summary>
internal sealed record CustomerTickets(Guid CustomerId, IReadOnlyList<TicketRow> Tickets);

internal static class ProfileServices
{
    public static IServiceCollection AddServiceProfile(this IServiceCollection services) =>
        services.AddScoped<IProfileSectionContributor, ServiceProfileSection>();
}
