using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Import;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>What the import wizard pages show.</summary>
internal sealed record ImportsPage(IReadOnlyList<ImportBatchSummary> Batches, string? Error);

internal sealed record ImportBatchPage(ImportBatchView Batch, string? Message, string? Error, IDictionary<string, string[]>? Errors);

/// <summary>The import wizard: upload → column mapping → dry-run report → commit.</summary>
[Route("members/imports")]
[AutoValidateAntiforgeryToken]
[RequirePermission(MembersPermissions.Import)]
internal sealed class ImportsController(ImportService imports) : Controller
{
    private const string MessageKey = "import.message";
    private const string ErrorKey = "import.error";
    private const string Views = "~/Web/Views/Imports/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(Views + "Index.cshtml", new ImportsPage(await imports.ListAsync(cancellationToken), TempData[ErrorKey] as string));

    [HttpPost("")]
    [RequestSizeLimit(ImportService.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, string? kind, CancellationToken cancellationToken)
    {
        var upload = await ImportsUpload.ReadAsync(file, cancellationToken);
        if (!ImportsApiController.TryKind(kind, out var importKind) || upload?.Content is not { } content)
        {
            TempData[ErrorKey] = "Choose a CSV or Excel file and what it holds.";
            return RedirectToAction(nameof(Index));
        }

        if (upload.TooLarge)
        {
            TempData[ErrorKey] = $"Files up to {ImportService.MaxFileBytes / 1024 / 1024} MB can be imported; split it.";
            return RedirectToAction(nameof(Index));
        }

        switch (await imports.UploadAsync(importKind, file!.FileName, content, cancellationToken))
        {
            case ImportOutcome.Done done:
                return RedirectToAction(nameof(Batch), new { id = done.Batch.Id });
            case ImportOutcome.Invalid invalid:
                TempData[ErrorKey] = string.Join(" ", invalid.Errors.Values.SelectMany(e => e));
                return RedirectToAction(nameof(Index));
            default:
                return NotFound();
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Batch(Guid id, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is ImportOutcome.Done done
            ? View(Views + "Batch.cshtml", new ImportBatchPage(done.Batch, TempData[MessageKey] as string, TempData[ErrorKey] as string, null))
            : NotFound();

    /// <summary>The mapping form posts one <c>map.{field}</c> value per import field: the chosen column or empty.</summary>
    [HttpPost("{id:guid}/mapping")]
    public async Task<IActionResult> Mapping(Guid id, CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        var mapping = form.Keys.Where(k => k.StartsWith("map.", StringComparison.Ordinal))
            .ToDictionary(k => k["map.".Length..], k => form[k].ToString(), StringComparer.Ordinal);
        return await Step(id, await imports.SetMappingAsync(id, mapping, cancellationToken), "The column mapping is saved.", cancellationToken);
    }

    [HttpPost("{id:guid}/dry-run")]
    public async Task<IActionResult> DryRun(Guid id, CancellationToken cancellationToken) =>
        await Step(id, await imports.DryRunAsync(id, cancellationToken), "Dry run done: nothing was written. Check the report, then commit.", cancellationToken);

    [HttpPost("{id:guid}/commit")]
    public async Task<IActionResult> Commit(Guid id, bool skipErrorRows, bool importDuplicates, CancellationToken cancellationToken) =>
        await Step(id, await imports.CommitAsync(id, new CommitOptions(skipErrorRows, importDuplicates), cancellationToken), "Imported.", cancellationToken);

    private async Task<IActionResult> Step(Guid id, ImportOutcome outcome, string message, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ImportOutcome.Done:
                TempData[MessageKey] = message;
                return RedirectToAction(nameof(Batch), new { id });
            case ImportOutcome.Refused refused:
                TempData[ErrorKey] = refused.Detail;
                return RedirectToAction(nameof(Batch), new { id });
            case ImportOutcome.Invalid invalid when await imports.GetAsync(id, cancellationToken) is ImportOutcome.Done current:
                Response.StatusCode = 400;
                return View(Views + "Batch.cshtml", new ImportBatchPage(current.Batch, null, invalid.Title, invalid.Errors));
            default:
                return NotFound();
        }
    }
}
