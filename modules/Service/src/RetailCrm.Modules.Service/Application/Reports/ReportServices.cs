using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RetailCrm.Modules.Service.Application.Reports;

internal static class ReportServices
{
    public static IServiceCollection AddServiceReports(this IServiceCollection services)
    {
        // The SLA part registers its own ISlaFigures; this default only stands in until then.
        services.TryAddScoped<ISlaFigures, NoSlaFigures>();
        services.AddScoped<ReportQueries>();
        return services;
    }
}
