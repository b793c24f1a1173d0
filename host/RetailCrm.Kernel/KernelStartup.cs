using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Branding;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel;

/// <summary>Migrates, creates the first tenant on first run, starts the modules and plugins, and fills demo data when asked.</summary>
internal sealed class KernelStartup(
    IServiceProvider services,
    ModuleCatalog catalog,
    TenantStore tenants,
    TenantProvisioner provisioner,
    ModuleToggles toggles,
    ICurrentTenant currentTenant,
    IConfiguration configuration,
    StartupPasswords passwords,
    ILogger<KernelStartup> logger)
{
    public const string DefaultTenantName = "default";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await EnsureFirstTenantAsync(cancellationToken);
        await InitializeModulesAsync(cancellationToken);
        if (configuration.GetValue("RetailCrm:DemoData", false))
        {
            var name = configuration["RetailCrm:DemoTenant"] ?? DefaultTenantName;
            var tenant = await tenants.FindByNameAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Demo data: no tenant named '{name}'.");
            // The demo users come before the modules' demo data, so that a module can give them its records (a sales person his deals).
            await SeedDemoDataAsync(tenant.Id, cancellationToken, () => EnsureDemoUsersAsync(tenant, cancellationToken));
        }
    }

    private async Task EnsureDemoUsersAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        using var tenantScope = currentTenant.Change(tenant.Id, tenant.Name);
        using var scope = services.CreateScope();
        var made = await DemoUsers.EnsureAsync(
            scope.ServiceProvider.GetRequiredService<KernelDbContext>(), scope.ServiceProvider.GetRequiredService<UserAccounts>(), tenant.Name, cancellationToken);
        foreach (var user in made)
        {
            passwords.Add(user);
        }
    }

    private async Task EnsureFirstTenantAsync(CancellationToken cancellationToken)
    {
        if ((await tenants.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var configured = configuration["RetailCrm:Admin:Password"];
        var password = string.IsNullOrEmpty(configured) ? TenantProvisioner.GeneratePassword() : configured;
        var userName = configuration["RetailCrm:Admin:UserName"] ?? "admin";
        await provisioner.CreateAsync(new NewTenant(DefaultTenantName, ["localhost", "127.0.0.1", "[::1]"], userName, password, IsHost: true), cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            passwords.Add(new StartupPassword(DefaultTenantName, userName, DefaultRoles.All.Single(r => r.Name == DefaultRoles.Admin).DisplayName, password));
        }

        logger.LogInformation("First run: created tenant {Tenant} with administrator {User}", DefaultTenantName, userName);
    }

    private async Task InitializeModulesAsync(CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Running.ToList())
        {
            try
            {
                await module.Instance!.InitializeAsync(new ModuleLifecycleContext(module.Manifest, services), cancellationToken);
            }
            catch (Exception e) when (module.IsPlugin)
            {
                module.Fail($"InitializeAsync threw {e.GetType().Name}: {e.Message}");
                logger.LogError(e, "Plugin {PluginId} threw at start and is skipped", module.Id);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Running.Reverse())
        {
            try
            {
                await module.Instance!.ShutdownAsync(new ModuleLifecycleContext(module.Manifest, services), cancellationToken);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{ModuleId} failed to shut down cleanly", module.Id);
            }
        }
    }

    /// <summary>
    /// Adds the demo stores (<see cref="DemoOrganization"/>), then <paramref name="afterStores"/> (the demo users), then
    /// runs every enabled module's demo data contributors, in module order, inside the tenant.
    /// </summary>
    public async Task<int> SeedDemoDataAsync(Guid tenantId, CancellationToken cancellationToken, Func<Task>? afterStores = null)
    {
        var enabled = await toggles.GetEnabledAsync(tenantId, cancellationToken);
        using var tenantScope = currentTenant.Change(tenantId);
        using (var kernelScope = services.CreateScope())
        {
            await DemoOrganization.EnsureStoresAsync(kernelScope.ServiceProvider.GetRequiredService<KernelDbContext>(), cancellationToken);
        }

        if (afterStores is not null)
        {
            await afterStores();
        }

        var ran = 0;
        foreach (var module in catalog.Running.Where(m => enabled.Contains(m.Id)))
        {
            using var scope = services.CreateScope();
            foreach (var contributor in scope.ServiceProvider.GetServices<IDemoDataContributor>().Where(c => catalog.OwnerOf(c.GetType()) == module))
            {
                await contributor.SeedAsync(cancellationToken);
                ran++;
            }
        }

        logger.LogInformation("Demo data: {Count} contributor(s) ran for tenant {TenantId}", ran, tenantId);
        return ran;
    }
}

/// <summary>The request pipeline of the kernel.</summary>
public static class KernelPipeline
{
    /// <summary>Starts the kernel (migrations, first run, modules) and adds its middleware.</summary>
    public static async Task UseRetailCrmKernelAsync(this WebApplication app)
    {
        var startup = app.Services.GetRequiredService<KernelStartup>();
        await startup.StartAsync(app.Lifetime.ApplicationStopping);
        app.Lifetime.ApplicationStopping.Register(() => startup.StopAsync(CancellationToken.None).GetAwaiter().GetResult());
        // Last, after "Now listening on", where it is seen; the log's one queue keeps that order.
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<StartupPasswords>().Announce);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<ThemeSelectionMiddleware>();
        app.UseMiddleware<StatusPagesMiddleware>();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        ThemeAssets.Map(app);
        BrandingLogo.Map(app);
        app.MapControllers();
        app.MapDefaultControllerRoute();
    }
}
