using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Approval;

internal static class ApprovalServiceCollectionExtensions
{
    /// <summary>Review and approval of change requests (tenant setting members.change-approval), and their page.</summary>
    public static IServiceCollection AddMembersChangeApproval(this IServiceCollection services)
    {
        services.AddScoped<ChangeRequestQueries>();
        services.AddScoped<ChangeRequestService>();
        services.AddSingleton<IMenuContributor, ChangeRequestsMenu>();
        return services;
    }
}

internal sealed class ChangeRequestsMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.change-requests", "Change requests", "/members/change-requests", 30) { TextZh = "变更审批", Icon = "file-check", RequiredPermission = MembersPermissions.View },
    ];
}
