using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Duplicates;

internal static class DuplicatesServiceCollectionExtensions
{
    /// <summary>The background duplicate scan, the list of likely pairs and its page.</summary>
    public static IServiceCollection AddMembersDuplicates(this IServiceCollection services)
    {
        services.AddScoped<DuplicateScanner>();
        services.AddScoped<DuplicateQueries>();
        services.AddSingleton<ICrmJob, DuplicateScanJob>();
        services.AddSingleton<IMenuContributor, DuplicatesMenu>();
        return services;
    }
}

internal sealed class DuplicatesMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.duplicates", "Duplicates", "/members/duplicates", 20) { TextZh = "重复客户", Icon = "copy", RequiredPermission = MembersPermissions.Merge },
    ];
}
