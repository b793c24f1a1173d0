using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Sdk.Modularity;

/// <summary>What a module gets while it registers its services.</summary>
public sealed class ModuleServiceContext
{
    private readonly ICrmDataRegistrar _data;

    public ModuleServiceContext(ModuleManifest manifest, IServiceCollection services, IConfiguration configuration, ICrmDataRegistrar data)
    {
        Manifest = manifest;
        Services = services;
        Configuration = configuration;
        _data = data;
    }

    public ModuleManifest Manifest { get; }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    /// <summary>
    /// Registers the module's own DbContext on the deployment's database, with the module's
    /// table prefix (SQLite) or schema (PostgreSQL) and its own migrations history.
    /// </summary>
    public void AddDbContext<TContext>() where TContext : CrmDbContext => _data.AddDbContext<TContext>(Manifest);
}

/// <summary>What a module gets when it starts or stops.</summary>
public sealed class ModuleLifecycleContext
{
    public ModuleLifecycleContext(ModuleManifest manifest, IServiceProvider services)
    {
        Manifest = manifest;
        Services = services;
    }

    public ModuleManifest Manifest { get; }

    /// <summary>The root container; create a scope for scoped services.</summary>
    public IServiceProvider Services { get; }
}

/// <summary>Implemented by the kernel: registers module DbContexts on the configured provider.</summary>
public interface ICrmDataRegistrar
{
    void AddDbContext<TContext>(ModuleManifest manifest) where TContext : DbContext;
}
