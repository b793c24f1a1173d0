using System.Globalization;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>An installed module or plugin, named in the current UI culture, and whether the current tenant has it on.</summary>
public sealed record ModuleDto(
    string Id,
    string Version,
    string Kind,
    string DisplayName,
    string Description,
    IReadOnlyDictionary<string, string> DependsOn,
    bool Enabled,
    ModuleLoadState State,
    string? Error);

/// <summary>A module switched on or off, and every module that changed with it (dependencies switched on too).</summary>
public sealed record ModuleChange(string Id, bool Enabled, IReadOnlyList<string> Changed);

/// <summary>The installed modules and plugins, switched on and off for the current tenant, and its demo data.</summary>
public interface IModuleAdministration
{
    /// <summary>The installed modules, or the plugins, in load order.</summary>
    Task<IReadOnlyList<ModuleDto>> ListAsync(ModuleKind kind, CancellationToken cancellationToken);

    /// <summary>The modules and plugins that run and that the current tenant has on, in load order.</summary>
    Task<IReadOnlyList<ModuleDto>> EnabledAsync(CancellationToken cancellationToken);

    /// <summary>Switches a module on (with its dependencies) or off; refused when it is not installed, failed to load, or an enabled module needs it.</summary>
    Task<Result<ModuleChange>> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken);

    /// <summary>Fills the current tenant with the demo stores and every enabled module's demo records (idempotent); answers how many contributors ran.</summary>
    Task<int> SeedDemoDataAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleAdministration(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant, KernelStartup startup) : IModuleAdministration
{
    private Guid TenantId => tenant.Id ?? throw new InvalidOperationException("Module administration needs a current tenant.");

    public Task<IReadOnlyList<ModuleDto>> ListAsync(ModuleKind kind, CancellationToken cancellationToken) =>
        DescribeAsync(catalog.All.Where(m => m.Manifest.Kind == kind), cancellationToken);

    public async Task<IReadOnlyList<ModuleDto>> EnabledAsync(CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(TenantId, cancellationToken);
        return await DescribeAsync(catalog.Running.Where(m => enabled.Contains(m.Id)), cancellationToken);
    }

    public async Task<Result<ModuleChange>> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken) =>
        (await toggles.SetAsync(TenantId, id, enabled, cancellationToken)).Map(changed => new ModuleChange(catalog.Find(id)!.Id, enabled, changed));

    public Task<int> SeedDemoDataAsync(CancellationToken cancellationToken) => startup.SeedDemoDataAsync(TenantId, cancellationToken);

    private async Task<IReadOnlyList<ModuleDto>> DescribeAsync(IEnumerable<InstalledModule> modules, CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(TenantId, cancellationToken);
        var culture = CultureInfo.CurrentUICulture.Name;
        return modules.Select(m => new ModuleDto(
            m.Id,
            m.Manifest.Version,
            m.IsPlugin ? "plugin" : "module",
            m.Manifest.DisplayNameFor(culture),
            m.Manifest.DescriptionFor(culture),
            m.Manifest.DependsOn,
            enabled.Contains(m.Id),
            m.State,
            m.Error)).ToList();
    }
}
