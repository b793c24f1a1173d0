using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Import;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>What the import wizard pages show.</summary>
internal sealed record ImportsPage(IReadOnlyList<ImportBatchSummary> Batches);

/// <summary>One batch in the wizard; its forms are named by the step they post.</summary>
internal sealed record ImportBatchPage(ImportBatchView Batch)
{
    public const string MappingForm = "mapping";
    public const string DryRunForm = "dry-run";
    public const string CommitForm = "commit";
}

/// <summary>The import wizard: upload → column mapping → dry-run report → commit.</summary>
[Route("members/imports")]
[RequirePermission(MembersPermissions.Import)]
internal sealed class ImportsController(ImportService imports) : CrmPageController
{
    private const string Views = "~/Web/Views/Imports/";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => IndexPageAsync(cancellationToken);

    [HttpPost("")]
    [PostOnce]
    [RequestSizeLimit(ImportService.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, string? kind, CancellationToken cancellationToken)
    {
        var upload = await ImportsUpload.ReadAsync(file, kind, cancellationToken);
        var batch = upload.IsRefused ? upload.Refusal : await imports.UploadAsync(upload.Value.Kind, upload.Value.FileName, upload.Value.Content, cancellationToken);
        return batch.IsRefused ? await RefusedAsync(batch.Refusal, () => IndexPageAsync(cancellationToken)) : Redirect($"/members/imports/{batch.Value.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Batch(Guid id, CancellationToken cancellationToken) => await BatchPageAsync(id, cancellationToken);

    /// <summary>The mapping form posts one <c>map.{field}</c> value per import field: the chosen column or empty.</summary>
    [HttpPost("{id:guid}/mapping")]
    [PostOnce]
    public async Task<IActionResult> Mapping(Guid id, CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        var mapping = form.Keys.Where(k => k.StartsWith("map.", StringComparison.Ordinal))
            .ToDictionary(k => k["map.".Length..], k => form[k].ToString(), StringComparer.Ordinal);
        return await StepAsync(id, await imports.SetMappingAsync(id, mapping, cancellationToken), ImportBatchPage.MappingForm, "The column mapping is saved.", cancellationToken);
    }

    [HttpPost("{id:guid}/dry-run")]
    [PostOnce]
    public async Task<IActionResult> DryRun(Guid id, CancellationToken cancellationToken) =>
        await StepAsync(id, await imports.DryRunAsync(id, cancellationToken), ImportBatchPage.DryRunForm,
            "Dry run done: nothing was written. Check the report, then commit.", cancellationToken);

    [HttpPost("{id:guid}/commit")]
    [PostOnce]
    public async Task<IActionResult> Commit(Guid id, bool skipErrorRows, bool importDuplicates, CancellationToken cancellationToken) =>
        await StepAsync(id, await imports.CommitAsync(id, new CommitOptions(skipErrorRows, importDuplicates), cancellationToken), ImportBatchPage.CommitForm,
            "Imported.", cancellationToken);

    /// <summary>
    /// A step done goes back to the batch with a notice; a refused one shows the batch again, the refusal at the
    /// form that was sent, a wrong column mapping at the mapping form (whichever step found it).
    /// </summary>
    private async Task<IActionResult> StepAsync(Guid id, Result<ImportBatchView> step, string formId, string notice, CancellationToken cancellationToken)
    {
        if (!step.IsRefused)
        {
            return Done($"/members/imports/{id}", notice);
        }

        var at = step.Refusal.Kind == RefusalKind.Invalid ? ImportBatchPage.MappingForm : formId;
        return step.Refusal.Kind == RefusalKind.NotFound ? NotFound() : await RefusedAsync(step.Refusal, () => BatchPageAsync(id, cancellationToken), at);
    }

    private async Task<IActionResult> IndexPageAsync(CancellationToken cancellationToken) =>
        View(Views + "Index.cshtml", new ImportsPage(await imports.ListAsync(cancellationToken)));

    private async Task<IActionResult> BatchPageAsync(Guid id, CancellationToken cancellationToken)
    {
        var batch = await imports.GetAsync(id, cancellationToken);
        return batch.IsRefused ? NotFound() : View(Views + "Batch.cshtml", new ImportBatchPage(batch.Value));
    }
}
