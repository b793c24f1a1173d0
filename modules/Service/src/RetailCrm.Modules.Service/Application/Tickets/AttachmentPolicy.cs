using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>Which files a ticket takes: at most 10 MB, of the kinds customers and agents send.</summary>
internal static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly UploadPolicy Files = new(
        "service",
        MaxBytes,
        [".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".txt", ".csv", ".eml", ".docx", ".xlsx"],
        "A ticket takes PDF, images (PNG, JPEG, GIF, WebP, TIFF), text, CSV, e-mail, Word and Excel files.");
}
