using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Import;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;

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
    public async Task<IActionResult> Upload(IFormFile? file, [FromForm] string? kind, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var importKind))
        {
            return MembersProblems.Invalid("kind", "The kind is Customers or Purchases.");
        }

        if (await ImportsUpload.ReadAsync(file, cancellationToken) is not { Content: { } content } upload)
        {
            return MembersProblems.Invalid("file", "Send the file as multipart form field 'file'.");
        }

        if (upload.TooLarge)
        {
            return MembersProblems.Problem(413, "file-too-large", "The file is too large", $"Files up to {ImportService.MaxFileBytes / 1024 / 1024} MB can be imported; split it.");
        }

        return Answer(await imports.UploadAsync(importKind, file!.FileName, content, cancellationToken), created: true);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) => Answer(await imports.GetAsync(id, cancellationToken));

    /// <summary>Sets the column mapping; every field must exist and every column be in the file.</summary>
    [HttpPut("{id:guid}/mapping")]
    public async Task<IActionResult> SetMapping(Guid id, ImportMappingRequest request, CancellationToken cancellationToken) =>
        request.Mapping is null
            ? MembersProblems.Invalid("mapping", "Send the mapping: import field to column header.")
            : Answer(await imports.SetMappingAsync(id, request.Mapping, cancellationToken));

    /// <summary>Checks every row and answers the batch with its row-by-row report of errors and duplicates; writes nothing.</summary>
    [HttpPost("{id:guid}/dry-run")]
    public async Task<IActionResult> DryRun(Guid id, CancellationToken cancellationToken) => Answer(await imports.DryRunAsync(id, cancellationToken));

    /// <summary>Imports the batch in one transaction: all rows or, with rows in error, nothing (unless skipErrorRows). 409 with the report when refused.</summary>
    [HttpPost("{id:guid}/commit")]
    public async Task<IActionResult> Commit(Guid id, ImportCommitRequest? request, CancellationToken cancellationToken)
    {
        request ??= new ImportCommitRequest();
        return Answer(await imports.CommitAsync(id, new CommitOptions(request.SkipErrorRows, request.ImportDuplicates), cancellationToken));
    }

    /// <summary>A refusal carries the batch and its report under <c>batch</c>, so the caller sees which rows are at fault.</summary>
    private static ObjectResult WithBatch(ObjectResult problem, ImportBatchView batch)
    {
        ((ProblemDetails)problem.Value!).Extensions["batch"] = batch;
        return problem;
    }

    internal static bool TryKind(string? kind, out ImportKind importKind) =>
        Enum.TryParse(kind?.Trim(), ignoreCase: true, out importKind) && Enum.IsDefined(importKind);

    private IActionResult Answer(ImportOutcome outcome, bool created = false) => outcome switch
    {
        ImportOutcome.Done done when created => Created($"/api/members/imports/{done.Batch.Id}", done.Batch),
        ImportOutcome.Done done => Ok(done.Batch),
        ImportOutcome.Invalid invalid => MembersProblems.Problem(400, "invalid-import", invalid.Title, "See errors.", invalid.Errors),
        ImportOutcome.Refused refused => WithBatch(MembersProblems.Problem(409, "import-refused", refused.Title, refused.Detail), refused.Batch),
        _ => MembersProblems.NotFound("import batch"),
    };
}

/// <summary>Reads an uploaded file into memory, refusing it past the size limit.</summary>
internal static class ImportsUpload
{
    public sealed record Upload(byte[]? Content, bool TooLarge);

    public static async Task<Upload?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        if (file.Length > ImportService.MaxFileBytes)
        {
            return new Upload([], TooLarge: true);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return new Upload(buffer.ToArray(), TooLarge: false);
    }
}
