using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Import;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The column mapping of a batch: import field (e.g. <c>phone</c>, <c>custom:shoe_size</c>) to the file's column header.</summary>
internal sealed record ImportMappingRequest(IReadOnlyDictionary<string, string>? Mapping);

/// <summary>How to commit: leave out rows with errors (else any error aborts the whole batch), and import duplicates anyway.</summary>
internal sealed record ImportCommitRequest(bool SkipErrorRows = false, bool ImportDuplicates = false);

/// <summary>Import of customers and purchases from CSV or Excel: upload, column mapping, dry run, commit.</summary>
[ApiController]
[Route("api/members/imports")]
[RequirePermission(MembersPermissions.Import)]
internal sealed class ImportsApiController(ImportService imports) : ControllerBase
{
    /// <summary>Uploads a CSV or .xlsx file (form field <c>file</c>) for <c>kind</c> customers or purchases; answers the batch with the suggested column mapping.</summary>
    [HttpPost]
    [RequestSizeLimit(ImportService.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes)]
    [ProducesResponseType<ImportBatchView>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromForm] string? kind, CancellationToken cancellationToken)
    {
        var upload = await ImportsUpload.ReadAsync(file, kind, cancellationToken);
        return upload.IsRefused
            ? new RefusalResult(upload.Refusal)
            : (await imports.UploadAsync(upload.Value.Kind, upload.Value.FileName, upload.Value.Content, cancellationToken))
                .ToActionResult(batch => Created($"/api/members/imports/{batch.Id}", batch));
    }

    /// <summary>Reads an import batch: its kind, file, mapping, status and row-by-row report.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ImportBatchView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) => Answer(await imports.GetAsync(id, cancellationToken));

    /// <summary>Sets the column mapping; every field must exist and every column be in the file.</summary>
    [HttpPut("{id:guid}/mapping")]
    [ProducesResponseType<ImportBatchView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SetMapping(Guid id, ImportMappingRequest request, CancellationToken cancellationToken) =>
        request.Mapping is null
            ? new RefusalResult(Refusal.Invalid(MembersRefusals.InvalidCode, "mapping", "Send the mapping: import field to column header."))
            : Answer(await imports.SetMappingAsync(id, request.Mapping, cancellationToken));

    /// <summary>Checks every row and answers the batch with its row-by-row report of errors and duplicates; writes nothing.</summary>
    [HttpPost("{id:guid}/dry-run")]
    [ProducesResponseType<ImportBatchView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> DryRun(Guid id, CancellationToken cancellationToken) => Answer(await imports.DryRunAsync(id, cancellationToken));

    /// <summary>Imports the batch in one transaction: all rows or, with rows in error, nothing (unless skipErrorRows). 409 with the report when refused.</summary>
    [HttpPost("{id:guid}/commit")]
    [ProducesResponseType<ImportBatchView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Commit(Guid id, ImportCommitRequest? request, CancellationToken cancellationToken)
    {
        request ??= new ImportCommitRequest();
        return Answer(await imports.CommitAsync(id, new CommitOptions(request.SkipErrorRows, request.ImportDuplicates), cancellationToken));
    }

    private IActionResult Answer(Result<ImportBatchView> result) => result.ToActionResult(Ok);
}

/// <summary>An uploaded file in memory, with what it holds.</summary>
internal sealed record ImportUpload(ImportKind Kind, string FileName, byte[] Content);

/// <summary>Reads an upload (the API's and the wizard's): what it holds, and the file in memory up to the size limit.</summary>
internal static class ImportsUpload
{
    public static async Task<Result<ImportUpload>> ReadAsync(IFormFile? file, string? kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse(kind?.Trim(), ignoreCase: true, out ImportKind importKind) || !Enum.IsDefined(importKind))
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "kind", "The kind is Customers or Purchases.");
        }

        if (file is null)
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "file", "Send the file as multipart form field 'file'.");
        }

        if (file.Length > ImportService.MaxFileBytes)
        {
            return new Refusal(RefusalKind.PayloadTooLarge, "members/file-too-large", LocalizableText.Of("Files up to {0} MB can be imported; split it.", ImportService.MaxFileBytes / 1024 / 1024))
                .Titled("The file is too large");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return new ImportUpload(importKind, file.FileName, buffer.ToArray());
    }
}
