using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Settings;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Branding;

/// <summary>
/// The current tenant's branding from its settings (name, colour, theme) and its logo's fingerprint; read once per
/// request and kept for the rest of it (the theme is needed again, synchronously, each time a view is found).
/// </summary>
internal sealed class TenantBrandingReader(ISettingProvider settings, KernelDbContext db, ICurrentTenant tenant, ThemeCatalog themes) : ITenantBranding
{
    public const string ProductDefault = "RetailCrm";
    private Guid? _loadedFor;

    /// <summary>What was read for the current tenant in this request, or null before it was read.</summary>
    public TenantBranding? Loaded { get; private set; }

    public async Task<TenantBranding> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Loaded is not null && _loadedFor == tenant.Id)
        {
            return Loaded;
        }

        Loaded = tenant.Id is null ? new TenantBranding(ProductDefault, null, null, ThemeCatalog.Default) : await ReadAsync(cancellationToken);
        _loadedFor = tenant.Id;
        return Loaded;
    }

    /// <summary>Reads the branding afresh (not kept): what the branding page shows right after a save.</summary>
    public async Task<TenantBranding> ReadAsync(CancellationToken cancellationToken)
    {
        var name = await settings.GetAsync(KernelSettings.ThemeBrandName, cancellationToken);
        var color = await settings.GetAsync(KernelSettings.ThemeColor, cancellationToken);
        var theme = themes.Resolve(await settings.GetAsync(KernelSettings.ThemeName, cancellationToken));
        var logo = await db.TenantLogos.AsNoTracking().Select(l => l.Hash).FirstOrDefaultAsync(cancellationToken);
        return new TenantBranding(
            string.IsNullOrWhiteSpace(name) ? ProductDefault : name,
            logo is null ? null : BrandingLogo.Url(logo),
            BrandColor.IsValid(color) ? color : null,
            theme);
    }
}
