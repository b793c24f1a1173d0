using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Branding;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Settings;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Administration;

/// <summary>
/// A logo file as uploaded: its name (for the extension), its bytes and its size (a file over
/// <see cref="MaxBytes"/> need not be read whole to be refused).
/// </summary>
public sealed record UploadedLogo(string FileName, byte[] Content)
{
    /// <summary>The largest logo a tenant may upload.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The file's size in bytes.</summary>
    public long Size { get; init; } = Content.Length;
}

/// <summary>
/// What a tenant admin asks for on the branding page. An empty product name goes back to the default; a null
/// logo keeps the current one unless <paramref name="RemoveLogo"/> is set.
/// </summary>
public sealed record BrandingChange(string? ProductName, string? PrimaryColor, string? Theme, UploadedLogo? Logo, bool RemoveLogo);

/// <summary>The tenant's branding as the page shows it, with the themes it may pick.</summary>
public sealed record BrandingPage(string ProductName, string PrimaryColor, string Theme, string? LogoUrl, IReadOnlyList<string> Themes);

/// <summary>The current tenant's product name, primary colour, theme and logo.</summary>
public interface IBrandingAdministration
{
    /// <summary>The branding as it is now.</summary>
    Task<BrandingPage> GetAsync(CancellationToken cancellationToken);

    /// <summary>Checks every field first, then stores all of them at once or none.</summary>
    Task<Result<BrandingPage>> SaveAsync(BrandingChange change, CancellationToken cancellationToken);
}

internal sealed class BrandingAdministration(
    KernelDbContext db,
    ISettingProvider settings,
    ICurrentTenant tenant,
    ThemeCatalog themes,
    TenantBrandingReader reader) : IBrandingAdministration
{
    public const int MaxProductName = 60;

    public async Task<BrandingPage> GetAsync(CancellationToken cancellationToken)
    {
        var branding = await reader.ReadAsync(cancellationToken);
        return new BrandingPage(branding.ProductName, branding.PrimaryColor ?? "", branding.Theme, branding.LogoUrl, themes.Names);
    }

    public async Task<Result<BrandingPage>> SaveAsync(BrandingChange change, CancellationToken cancellationToken)
    {
        if (tenant.Id is not { } tenantId)
        {
            return Refusal.Forbidden("forbidden", "Branding belongs to a tenant; sign in to one.");
        }

        var productName = change.ProductName?.Trim() is { Length: > 0 } n ? n : null;
        var color = change.PrimaryColor?.Trim().ToLowerInvariant() ?? "";
        var theme = themes.Names.FirstOrDefault(t => string.Equals(t, change.Theme?.Trim(), StringComparison.OrdinalIgnoreCase));
        var (logoKind, refusals) = Check(change, productName, color, theme);
        if (refusals.Count > 0)
        {
            return Refusal.Invalid("invalid-branding", refusals);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await settings.SetAsync(KernelSettings.ThemeBrandName, productName, SettingScope.Tenant, cancellationToken);
        await settings.SetAsync(KernelSettings.ThemeColor, color, SettingScope.Tenant, cancellationToken);
        await settings.SetAsync(KernelSettings.ThemeName, theme, SettingScope.Tenant, cancellationToken);
        await StoreLogoAsync(tenantId, change, logoKind, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(cancellationToken);
    }

    private static (LogoKind? Kind, List<FieldRefusal> Refusals) Check(BrandingChange change, string? productName, string color, string? theme)
    {
        var refusals = new List<FieldRefusal>();
        if (productName is { Length: > MaxProductName })
        {
            refusals.Add(new FieldRefusal("productName", LocalizableText.Of("A product name has at most {0} characters.", MaxProductName)));
        }

        if (BrandColor.Why(color) is { } colorRefusal)
        {
            refusals.Add(new FieldRefusal("primaryColor", colorRefusal));
        }

        if (theme is null)
        {
            refusals.Add(new FieldRefusal("theme", LocalizableText.Of("There is no theme '{0}'.", change.Theme ?? "")));
        }

        var (kind, logoRefusal) = change.Logo is { } logo ? CheckLogo(logo) : (null, null);
        if (logoRefusal is not null)
        {
            refusals.Add(new FieldRefusal("logo", logoRefusal));
        }

        return (kind, refusals);
    }

    private static (LogoKind? Kind, LocalizableText? Refusal) CheckLogo(UploadedLogo logo)
    {
        if (logo.Size > UploadedLogo.MaxBytes || logo.Content.Length > UploadedLogo.MaxBytes)
        {
            return (null, LocalizableText.Of("A logo is at most {0} KB; this file is {1} KB.", UploadedLogo.MaxBytes / 1024, (Math.Max(logo.Size, logo.Content.Length) + 1023) / 1024));
        }

        var kind = LogoImage.Detect(logo.Content);
        if (kind is null || LogoImage.KindOfExtension(logo.FileName) != kind)
        {
            return (null, LocalizableText.Of("A logo is a PNG, JPEG, WebP or SVG image whose name ends as its kind does (.png, .jpg, .webp, .svg)."));
        }

        return kind == LogoKind.Svg && !LogoImage.IsPlainDrawing(logo.Content)
            ? (null, LocalizableText.Of("This SVG holds a script, an event handler or a link out of the file; a logo may only draw."))
            : (kind, null);
    }

    private async Task StoreLogoAsync(Guid tenantId, BrandingChange change, LogoKind? kind, CancellationToken cancellationToken)
    {
        var current = await db.TenantLogos.FirstOrDefaultAsync(cancellationToken);
        if (change.Logo is { } logo && kind is { } logoKind)
        {
            current ??= db.TenantLogos.Add(new TenantLogo { TenantId = tenantId }).Entity;
            current.Content = logo.Content;
            current.ContentType = LogoImage.ContentType(logoKind);
            current.Hash = Convert.ToHexStringLower(SHA256.HashData(logo.Content));
            current.UpdatedAt = DateTime.UtcNow;
        }
        else if (change.RemoveLogo && current is not null)
        {
            db.TenantLogos.Remove(current);
        }
    }
}
