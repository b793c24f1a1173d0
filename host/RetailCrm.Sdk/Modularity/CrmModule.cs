namespace RetailCrm.Sdk.Modularity;

/// <summary>
/// Base class of every module and plugin. The kernel creates one instance per installed
/// module, calls <see cref="ConfigureServices"/> in dependency order while the container is
/// built, then <see cref="InitializeAsync"/> after the database is migrated, and
/// <see cref="ShutdownAsync"/> when the host stops.
/// </summary>
public abstract class CrmModule
{
    /// <summary>The manifest this module was loaded from; set by the kernel before any call.</summary>
    public ModuleManifest Manifest { get; internal set; } = null!;

    /// <summary>Registers the module's services, DbContext and definition providers.</summary>
    public virtual void ConfigureServices(ModuleServiceContext context)
    {
    }

    /// <summary>Runs once at start, after every module's services are registered and migrations applied.</summary>
    public virtual Task InitializeAsync(ModuleLifecycleContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the host stops.</summary>
    public virtual Task ShutdownAsync(ModuleLifecycleContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
