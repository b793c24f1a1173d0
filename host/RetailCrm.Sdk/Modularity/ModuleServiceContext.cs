using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Sdk.Modularity;

/// <summary>What a module gets while it registers its services.</summary>
public sealed class ModuleServiceContext
{
    private readonly IModuleRegistrar _registrar;

    /// <summary>Made by the kernel for each module.</summary>
    public ModuleServiceContext(ModuleManifest manifest, IServiceCollection services, IConfiguration configuration, IModuleRegistrar registrar)
    {
        Manifest = manifest;
        Services = services;
        Configuration = configuration;
        _registrar = registrar;
    }

    /// <summary>The module's manifest.</summary>
    public ModuleManifest Manifest { get; }

    /// <summary>The container's registrations; add the module's services here.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Registers the module's own DbContext on the deployment's database, with the module's
    /// table prefix (SQLite) or schema (PostgreSQL) and its own migrations history.
    /// </summary>
    public void AddDbContext<TContext>() where TContext : CrmDbContext => _registrar.AddDbContext<TContext>(Manifest);

    /// <summary>
    /// Adds an authentication scheme for callers that are not users, e.g. a till that signs its requests. The
    /// kernel uses it for every request that carries <paramref name="header"/>, before the tenant is resolved, so
    /// the principal's <see cref="MultiTenancy.CrmClaimTypes.TenantId"/> decides the tenant and the module gate of the request.
    /// </summary>
    public void AddAuthenticationScheme<THandler>(string scheme, string header) where THandler : AuthenticationHandler<AuthenticationSchemeOptions> =>
        _registrar.AddAuthenticationScheme<THandler>(Manifest, scheme, header);
}

/// <summary>What a module gets when it starts or stops.</summary>
public sealed class ModuleLifecycleContext
{
    /// <summary>Made by the kernel for each module.</summary>
    public ModuleLifecycleContext(ModuleManifest manifest, IServiceProvider services)
    {
        Manifest = manifest;
        Services = services;
    }

    /// <summary>The module's manifest.</summary>
    public ModuleManifest Manifest { get; }

    /// <summary>The root container; create a scope for scoped services.</summary>
    public IServiceProvider Services { get; }
}

/// <summary>Implemented by the kernel: what a module registers beyond plain services.</summary>
public interface IModuleRegistrar
{
    /// <summary>Registers a module DbContext on the deployment's database with the module's naming.</summary>
    void AddDbContext<TContext>(ModuleManifest manifest) where TContext : CrmDbContext;

    /// <summary>Registers an authentication scheme chosen for requests that carry a header.</summary>
    void AddAuthenticationScheme<THandler>(ModuleManifest manifest, string scheme, string header) where THandler : AuthenticationHandler<AuthenticationSchemeOptions>;
}
