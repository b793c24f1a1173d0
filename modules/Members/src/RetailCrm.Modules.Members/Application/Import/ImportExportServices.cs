using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Application.Export;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>Registration of customer and purchase import and of list export.</summary>
internal static class ImportExportServices
{
    public static IServiceCollection AddImportExport(this IServiceCollection services)
    {
        services.AddScoped<CustomerImporter>();
        services.AddScoped<PurchaseImporter>();
        services.AddScoped<ImportService>();
        services.AddScoped<CustomerExporter>();
        services.AddSingleton<IMenuContributor, ImportsMenu>();
        return services;
    }
}

internal sealed class ImportsMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.imports", "Import", "/members/imports", 20) { TextZh = "导入", Icon = "upload", RequiredPermission = MembersPermissions.Import },
    ];
}
