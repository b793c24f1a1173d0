using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Data;

/// <summary>A DbContext type and the module that owns it.</summary>
public sealed record RegisteredDbContext(Type ContextType, string ModuleId);

/// <summary>Every module DbContext of this deployment in module order (the kernel's first); used to migrate, audit and drain outboxes.</summary>
public sealed class DbContextRegistry : ICrmDataRegistrar
{
    private readonly List<RegisteredDbContext> _contexts = [];
    private readonly IServiceCollection _services;
    private readonly DatabaseOptions _database;

    public DbContextRegistry(IServiceCollection services, DatabaseOptions database)
    {
        _services = services;
        _database = database;
    }

    public IReadOnlyList<RegisteredDbContext> Contexts => _contexts;

    public void AddDbContext<TContext>(ModuleManifest manifest) where TContext : DbContext => Add<TContext>(manifest.Id);

    public void Add<TContext>(string moduleId) where TContext : DbContext
    {
        _contexts.Add(new RegisteredDbContext(typeof(TContext), moduleId));
        _services.AddDbContext<TContext>(options => _database.Configure(options, moduleId, typeof(TContext).Assembly));
    }

    public ModuleNaming NamingFor(Type contextType) =>
        _database.NamingFor(_contexts.FirstOrDefault(c => c.ContextType == contextType)?.ModuleId
            ?? throw new InvalidOperationException($"{contextType.Name} is not registered; call context.AddDbContext<{contextType.Name}>() in the module."));

    public CrmDbContext Resolve(IServiceProvider scopedServices, RegisteredDbContext registered) =>
        (CrmDbContext)scopedServices.GetRequiredService(registered.ContextType);
}
