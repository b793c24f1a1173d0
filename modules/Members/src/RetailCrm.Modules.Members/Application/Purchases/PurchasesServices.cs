using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RetailCrm.Modules.Members.Application.Purchases;

internal static class PurchasesServices
{
    /// <summary>Purchases (消费记录): recording (API and import) and reading.</summary>
    public static IServiceCollection AddPurchases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PurchaseRecorder>();
        services.AddScoped<PurchaseBatch>();
        services.AddScoped<PurchaseQueries>();
        services.AddScoped<Contracts.IPurchaseRecording, PurchaseRecording>();
        return services;
    }
}
