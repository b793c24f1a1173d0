using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Kernel.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Data;

/// <summary>A DbContext type and the module that owns it.</summary>
public sealed record RegisteredDbContext(Type ContextType, string ModuleId)
{
    /// <summary>The context of this registration from a request's or a job's scope.</summary>
    public CrmDbContext Resolve(IServiceProvider scopedServices) => (CrmDbContext)scopedServices.GetRequiredService(ContextType);
}

/// <summary>
/// What modules register through <see cref="ModuleServiceContext"/> beyond plain services: every module DbContext
/// of this deployment in module order (the kernel's first; used to migrate and drain outboxes) and the
/// authentication schemes modules add for their own callers.
/// </summary>
public sealed class DbContextRegistry : IModuleRegistrar
{
    private readonly List<RegisteredDbContext> _contexts = [];
    private readonly IServiceCollection _services;
    private readonly DatabaseOptions _database;
    private readonly ModuleAuthenticationSchemes _schemes;

    internal DbContextRegistry(IServiceCollection services, DatabaseOptions database, ModuleAuthenticationSchemes schemes)
    {
        _services = services;
        _database = database;
        _schemes = schemes;
    }

    public IReadOnlyList<RegisteredDbContext> Contexts => _contexts;

    public void AddDbContext<TContext>(ModuleManifest manifest) where TContext : CrmDbContext => Add<TContext>(manifest.Id);

    public void AddAuthenticationScheme<THandler>(ModuleManifest manifest, string scheme, string header) where THandler : AuthenticationHandler<AuthenticationSchemeOptions>
    {
        _services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, THandler>(scheme, null);
        _schemes.Add(scheme, header, typeof(THandler));
    }

    public void Add<TContext>(string moduleId) where TContext : DbContext
    {
        _contexts.Add(new RegisteredDbContext(typeof(TContext), moduleId));
        _services.AddDbContext<TContext>((services, options) =>
        {
            _database.Configure(options, moduleId, typeof(TContext).Assembly);
            options.AddInterceptors(services.GetRequiredService<CrmSaveChangesInterceptor>());
        });
    }
}
