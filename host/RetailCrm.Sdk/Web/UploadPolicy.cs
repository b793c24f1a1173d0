using RetailCrm.Sdk.Results;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// Which files a module's records take (a ticket's, a deal's): at most <see cref="MaxBytes"/>, not empty, of the
/// kinds named by extension, each stored and served with its content type. Refusals are 413
/// <c>{module}/attachment-too-large</c> and 400 <c>{module}/attachment-empty</c> or <c>{module}/attachment-kind</c>,
/// at the field <c>file</c>. Keep one as a static of the module and put <c>[RequestSizeLimit(MaxBytes * 2)]</c> on the
/// upload actions, so that a file a little too large still gets this refusal instead of a bare 413.
/// </summary>
public sealed class UploadPolicy
{
    private static readonly Dictionary<string, string> KnownTypes = new(StringComparer.OrdinalIgnoreCase)
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
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    private readonly string _module;
    private readonly Dictionary<string, string> _types;
    private readonly string _kindsText;

    /// <param name="module">The module id, the first part of the refusals' codes.</param>
    /// <param name="maxBytes">The largest file taken.</param>
    /// <param name="extensions">The kinds taken, e.g. <c>.pdf</c>, <c>.png</c>: PDF, images, text, CSV, e-mail, Word, Excel, PowerPoint.</param>
    /// <param name="kindsText">What the module takes, in the module's words (translated through its resources), e.g. <c>A deal takes PDF, PNG and JPEG images.</c></param>
    public UploadPolicy(string module, long maxBytes, IReadOnlyList<string> extensions, string kindsText)
    {
        if (extensions.FirstOrDefault(e => !KnownTypes.ContainsKey(e)) is { } unknown)
        {
            throw new ArgumentException($"The upload policy knows no content type for '{unknown}'.", nameof(extensions));
        }

        _module = module;
        MaxBytes = maxBytes;
        _types = extensions.ToDictionary(e => e, e => KnownTypes[e], StringComparer.OrdinalIgnoreCase);
        _kindsText = kindsText;
    }

    /// <summary>The largest file taken, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The content type the file is stored and served with, or the refusal.</summary>
    public Result<string> Check(string fileName, long size)
    {
        if (size > MaxBytes)
        {
            return new Refusal(RefusalKind.PayloadTooLarge, $"{_module}/attachment-too-large",
                    LocalizableText.Of("A file is at most {0} MB; this one is {1} MB.", MaxBytes / (1024 * 1024), Math.Round(size / (1024m * 1024m), 1)))
                .Titled("The file is too large").At("file");
        }

        if (size == 0)
        {
            return Refusal.Invalid($"{_module}/attachment-empty", "file", "The file is empty.");
        }

        return _types.TryGetValue(Path.GetExtension(fileName), out var contentType)
            ? contentType
            : Refusal.Invalid($"{_module}/attachment-kind", "file", _kindsText);
    }
}
