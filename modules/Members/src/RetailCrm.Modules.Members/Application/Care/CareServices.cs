using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Care;

internal static class CareServices
{
    /// <summary>Care (客户关怀): the list of upcoming birthdays and anniversaries, its page and menu item.</summary>
    public static IServiceCollection AddCare(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CareList>();
        services.AddSingleton<IMenuContributor, CareMenu>();
        return services;
    }
}

internal sealed class CareMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.care", "Customer care", "/members/care", 20) { TextZh = "客户关怀", Icon = "heart-handshake", RequiredPermission = MembersPermissions.View },
    ];
}
