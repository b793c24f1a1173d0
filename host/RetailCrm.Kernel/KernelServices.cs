using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Branding;
using RetailCrm.Kernel.Cluster;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Kernel.Events;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.Idempotency;
using RetailCrm.Kernel.Jobs;
using RetailCrm.Kernel.Localization;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Settings;
using RetailCrm.Kernel.Web;
using RetailCrm.Kernel.Web.Help;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel;

/// <summary>Composes the kernel, the installed modules and the plugins into a web application.</summary>
public static class KernelServices
{
    private const string SmartScheme = "Smart";

    /// <summary>
    /// Reads the manifests, checks the graph (throwing <see cref="ModuleGraphException"/> with every
    /// problem), loads the modules and plugins and registers every service. Autofac is the container.
    /// </summary>
    public static ModuleCatalog AddRetailCrmKernel(this WebApplicationBuilder builder)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        var configuration = builder.Configuration;
        var services = builder.Services;
        // EF Core logs every SQL command at Information: never that, whatever the configuration files say.
        builder.Logging.AddFilter(DbLoggerCategory.Database.Command.Name, LogLevel.Warning);
        // The boot log follows the configuration too (the JSON console of Production, the levels).
        using var bootLoggers = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
        var bootLogger = bootLoggers.CreateLogger("RetailCrm.Kernel");

        var catalog = new ModuleLoader(bootLogger).Load(
            configuration["RetailCrm:ModulesPath"] ?? Path.Combine(AppContext.BaseDirectory, "modules"),
            configuration["RetailCrm:PluginsPath"] ?? Path.Combine(AppContext.BaseDirectory, "plugins"));
        var database = DatabaseOptions.From(configuration, builder.Environment.ContentRootPath);
        var schemes = new ModuleAuthenticationSchemes();
        var registry = new DbContextRegistry(services, database, schemes);
        var eventHandlers = new EventHandlerRegistry();
        services.AddSingleton(catalog);
        services.AddSingleton(database);
        services.AddSingleton(registry);
        services.AddSingleton(eventHandlers);
        services.AddSingleton(schemes);
        services.AddSingleton<IApiAuthentication, ApiAuthentication>();
        registry.Add<KernelDbContext>(KernelDbContext.ModuleId);

        AddKernelServices(services);
        AddWeb(services, catalog, ThemeAssemblies(configuration["RetailCrm:ThemesPath"] ?? Path.Combine(AppContext.BaseDirectory, "themes")), database.KeysPath, schemes);
        ConfigureModules(catalog, services, configuration, registry, bootLogger);
        eventHandlers.Collect(services, catalog);
        return catalog;
    }

    private static void AddKernelServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CurrentTenant>();
        services.AddSingleton<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<EventBus>();
        services.AddScoped<IEventBus>(sp => sp.GetRequiredService<EventBus>());
        services.AddScoped<AuditRecorder>();
        services.AddScoped<CrmSaveChangesInterceptor>();
        services.AddScoped<IBulkWriter, BulkWriter>();
        services.AddSingleton<ClusterSignals>();
        services.AddHostedService<PostgresSignalListener>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<ModuleToggles>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<PermissionDefinitions>();
        services.AddSingleton<SettingDefinitions>();
        services.AddSingleton<IPermissionDefinitionProvider, KernelPermissions>();
        services.AddSingleton<ISettingDefinitionProvider, KernelSettings>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<IDataScopeProvider, DataScopeProvider>();
        services.AddScoped<ISettingProvider, SettingProvider>();
        services.AddScoped<IOrganizationUnits, OrganizationUnitDirectory>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<MenuBuilder>();
        services.AddScoped<INavigationMenu>(sp => sp.GetRequiredService<MenuBuilder>());
        services.AddScoped<EnabledContributions>();
        services.AddScoped<IProfileSectionProvider, ProfileSectionProvider>();
        services.AddScoped<ICustomerTimeline, CustomerTimeline>();
        services.AddScoped<ICustomerSummary, CustomerSummary>();
        services.AddScoped<IDashboard, Dashboard>();
        services.AddMemoryCache();
        services.AddScoped<INotifications, Notifications>();
        services.AddSingleton<ITableFileWriter, TableFileWriter>();
        services.AddSingleton<ITableFileReader, TableFileReader>();
        services.AddScoped<IGlobalSearch, GlobalSearch>();
        services.AddSingleton<HelpLibrary>();
        services.AddScoped<INotificationCounter, Web.Widgets.FailedDeliveriesCounter>();
        services.AddScoped<IDashboardWidget, Web.Widgets.FailedDeliveriesWidget>();
        services.AddSingleton<IMenuContributor, AdminMenu>();
        services.AddScoped<AuditReader>();
        Administration.AdministrationServices.AddAdministration(services);
        Messaging.MessagingServices.Add(services);
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<KernelStartup>();
        services.AddSingleton<StartupPasswords>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<JobLeases>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<ICrmJob, IdempotencyCleanupJob>();
        services.AddSingleton<JsonStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<JsonStringLocalizerFactory>());
        services.AddSingleton<IRefusalWriter, RefusalProblems>();
        services.AddScoped<IPageLocalizer, PageLocalizer>();
        services.AddSingleton<DisplayText>();
        services.AddSingleton<IDisplayText>(sp => sp.GetRequiredService<DisplayText>());
        services.TryAddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
    }

    /// <summary>Themes are Razor class libraries in the themes folder, one per subfolder, loaded like modules.</summary>
    private static List<System.Reflection.Assembly> ThemeAssemblies(string themesPath) =>
        !Directory.Exists(themesPath)
            ? []
            : Directory.EnumerateDirectories(themesPath)
                .SelectMany(d => Directory.GetFiles(d, "RetailCrm.Themes.*.dll").Where(f => !f.EndsWith(".Views.dll", StringComparison.Ordinal)))
                .Select(System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath)
                .ToList();

    private static void AddWeb(IServiceCollection services, ModuleCatalog catalog, List<System.Reflection.Assembly> themes, string keysPath, ModuleAuthenticationSchemes schemes)
    {
        var themeCatalog = new ThemeCatalog(themes);
        services.AddSingleton(themeCatalog);
        services.AddSingleton<ThemeAssets>();
        services.AddScoped<TenantBrandingReader>();
        services.AddScoped<ITenantBranding>(sp => sp.GetRequiredService<TenantBrandingReader>());
        services
            .AddControllersWithViews(options =>
            {
                options.Conventions.Add(new ModuleEndpointConvention(catalog));
                // The Sdk's attributes are metadata; these filters carry them out for the actions that have them.
                options.Filters.Add<PermissionFilter>();
                options.Filters.Add<IdempotencyFilter>();
                options.Filters.Add<PostOnceFilter>();
            })
            .ConfigureApplicationPartManager(parts =>
            {
                parts.FeatureProviders.Add(new ModuleControllerFeatureProvider(catalog));
                parts.ApplicationParts.Add(new AssemblyPart(typeof(KernelServices).Assembly));
                foreach (var assembly in catalog.Running.Select(m => m.Assembly!).Concat(themes))
                {
                    parts.ApplicationParts.Add(new AssemblyPart(assembly));
                    parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
                }
            })
            .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Modules keep their views in Web/Views (STYLE.md), beside their controllers.
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Add("/Web/Views/{1}/{0}.cshtml");
            options.ViewLocationFormats.Add("/Web/Views/Shared/{0}.cshtml");
            options.ViewLocationExpanders.Add(new ThemeViewLocations());
        });
        // Chinese and every other script are written as they are, not as &#x...; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.Configure<Microsoft.AspNetCore.Mvc.ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = context => new RefusalResult(RefusalProblems.FromModelState(context.ModelState)));
        // Keys in the data folder: cookies survive restarts, and instances that share the folder share sign-ins.
        services.AddDataProtection().SetApplicationName("RetailCrm").PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: ["ready"]);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = ["en", "zh-CN"];
            options.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
        });
        services
            .AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "A module's scheme, API key or cookie", options =>
                options.ForwardDefaultSelector = context => schemes.For(context.Request)
                    ?? (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? CrmClaims.ApiKeyScheme : CookieAuthenticationDefaults.AuthenticationScheme))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CrmClaims.ApiKeyScheme, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.Cookie.Name = "retailcrm.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnRedirectToLogin = context => ApiAware(context, Refusal.Unauthenticated("unauthorized", "Sign in, or send an X-Api-Key.").Titled("Sign-in required"));
                // No access-denied page to redirect to: the refusal itself, a styled page for a browser (StatusPages).
                options.Events.OnRedirectToAccessDenied = context => context.HttpContext.RequestServices.GetRequiredService<IRefusalWriter>()
                    .WriteAsync(context.HttpContext, Refusal.Forbidden("forbidden", "Your roles do not allow this.").Titled("Access denied"));
                options.Events.OnValidatePrincipal = ActiveUserCheck.ValidateAsync;
            });
        services.AddAuthorization();
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, Refusal refusal)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return context.HttpContext.RequestServices.GetRequiredService<IRefusalWriter>().WriteAsync(context.HttpContext, refusal);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureModules(ModuleCatalog catalog, IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, DbContextRegistry registry, ILogger logger)
    {
        foreach (var module in catalog.Running.ToList())
        {
            if (!module.IsPlugin)
            {
                module.Instance!.ConfigureServices(new ModuleServiceContext(module.Manifest, services, configuration, registry));
                continue;
            }

            // A plugin registers into a collection of its own first, so that one that throws half-way leaves nothing behind.
            var own = new ServiceCollection();
            try
            {
                module.Instance!.ConfigureServices(new ModuleServiceContext(module.Manifest, own, configuration, registry));
                foreach (var descriptor in own)
                {
                    services.Add(descriptor);
                }
            }
            catch (Exception e)
            {
                module.Fail($"ConfigureServices threw {e.GetType().Name}: {e.Message}");
                logger.LogError(e, "Plugin {PluginId} failed in ConfigureServices and is skipped", module.Id);
            }
        }
    }
}
