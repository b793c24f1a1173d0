using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>Which files a ticket takes: at most <see cref="MaxBytes"/>, of the kinds customers and agents send.</summary>
internal static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".eml"] = "message/rfc822",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The content type the file is stored and served with, or the refusal (413 over the size, 400 for a kind not taken).</summary>
    public static Result<string> Check(string fileName, long size)
    {
        if (size > MaxBytes)
        {
            return new Refusal(RefusalKind.PayloadTooLarge, "service/attachment-too-large",
                    LocalizableText.Of("A file is at most {0} MB; this one is {1} MB.", MaxBytes / (1024 * 1024), Math.Round(size / (1024m * 1024m), 1)))
                .Titled("The file is too large").At("file");
        }

        if (size == 0)
        {
            return Refusal.Invalid("service/attachment-empty", "file", "The file is empty.");
        }

        return ContentTypes.TryGetValue(Path.GetExtension(fileName), out var contentType)
            ? contentType
            : Refusal.Invalid("service/attachment-kind", "file", "A ticket takes PDF, images (PNG, JPEG, GIF, WebP, TIFF), text, CSV, e-mail, Word and Excel files.");
    }
}
