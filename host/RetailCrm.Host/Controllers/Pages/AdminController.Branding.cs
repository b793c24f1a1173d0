using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>Branding: the tenant's product name, primary colour, theme and logo, saved together.</summary>
public sealed partial class AdminController
{
    public const string BrandingForm = "branding";

    [HttpGet("branding")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Branding([FromServices] IBrandingAdministration branding, CancellationToken cancellationToken) =>
        View(nameof(Branding), await branding.GetAsync(cancellationToken));

    [HttpPost("branding")]
    [RequirePermission(KernelPermissions.Settings)]
    [PostOnce]
    public async Task<IActionResult> SaveBranding(
        string? productName, string? primaryColor, string? theme, IFormFile? logo, bool removeLogo,
        [FromServices] IBrandingAdministration branding, CancellationToken cancellationToken)
    {
        var change = new BrandingChange(productName, primaryColor, theme, await UploadedAsync(logo, cancellationToken), removeLogo);
        return await AnswerAsync(await branding.SaveAsync(change, cancellationToken), BrandingForm, () => Branding(branding, cancellationToken),
            _ => Done("/admin/branding", "Saved the branding."));
    }

    // A file larger than a logo may be is read only up to one byte past the limit: enough to refuse it by its size.
    private static async Task<UploadedLogo?> UploadedAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(file.Length, UploadedLogo.MaxBytes + 1)];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return new UploadedLogo(file.FileName, buffer) { Size = file.Length };
    }
}
