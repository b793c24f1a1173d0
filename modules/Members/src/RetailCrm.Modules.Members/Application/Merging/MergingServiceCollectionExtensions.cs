using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Modules.Members.Application.Merging;

internal static class MergingServiceCollectionExtensions
{
    /// <summary>Merging duplicates into a survivor, and the merge history.</summary>
    public static IServiceCollection AddMembersMerging(this IServiceCollection services)
    {
        services.AddScoped<MergeService>();
        services.AddScoped<MergeQueries>();
        return services;
    }
}
