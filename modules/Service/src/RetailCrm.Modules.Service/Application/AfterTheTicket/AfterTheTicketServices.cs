using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Dashboard;
using RetailCrm.Modules.Service.Application.FollowUps;
using RetailCrm.Modules.Service.Application.Profile;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Application.Surveys;

namespace RetailCrm.Modules.Service.Application.AfterTheTicket;

/// <summary>Surveys, follow-up visits, supervisor reports, home widgets and the 360° section.</summary>
internal static class AfterTheTicketServices
{
    public static IServiceCollection AddServiceAfterTheTicket(this IServiceCollection services) => services
        .AddServiceSurveys()
        .AddServiceFollowUps()
        .AddServiceReports()
        .AddServiceDashboard()
        .AddServiceProfile();
}
