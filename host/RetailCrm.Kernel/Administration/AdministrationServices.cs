using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Kernel.Administration;

/// <summary>Registers the administration services the host's pages and admin API call.</summary>
internal static class AdministrationServices
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services
        .AddScoped<ITenantAdministration, TenantAdministration>()
        .AddScoped<IUserAdministration, UserAdministration>()
        .AddScoped<IRoleAdministration, RoleAdministration>()
        .AddScoped<IUnitAdministration, UnitAdministration>()
        .AddScoped<IModuleAdministration, ModuleAdministration>()
        .AddScoped<ISettingsAdministration, SettingsAdministration>()
        .AddScoped<IBrandingAdministration, BrandingAdministration>()
        .AddScoped<IApiKeyAdministration, ApiKeyAdministration>()
        .AddScoped<IEventDeliveryAdministration, EventDeliveryAdministration>()
        .AddScoped<ISignIn, SignIn>()
        .AddScoped<IDemoSignIn, DemoSignIn>();
}
