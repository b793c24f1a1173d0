using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sales.Application.Import;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>
/// The JSON API of deals. Every change carries the deal's <c>version</c> as last read; a change from an older version
/// is a 409 with <c>currentVersion</c>. A move that fails its exit criteria is a 409 listing everything missing under
/// <c>errors</c>; a move into a gated stage answers 202 with the request to the supervisor.
/// </summary>
[ApiController]
[Route("api/sales/opportunities")]
internal sealed class OpportunitiesApiController(OpportunityService deals, OpportunityQueries queries, OpportunityJournal journal, TimeProvider time) : ControllerBase
{
    /// <summary>Opens a deal in the first stage of its pipeline (the default one unless <c>pipelineId</c>).</summary>
    [HttpPost]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<OpportunityDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Open(NewOpportunityRequest request, CancellationToken cancellationToken) =>
        (await deals.OpenAsync(request.ToInput(), cancellationToken)).ToActionResult(o => Created($"/api/sales/opportunities/{o.Id}", OpportunityDto.From(o)));

    /// <summary>A deal with its lines, journal, files, history and gated moves.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(SalesPermissions.View)]
    [ProducesResponseType<OpportunityDetailsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.DetailsAsync(id, cancellationToken) is { } details ? Ok(OpportunityDetailsDto.From(details)) : new RefusalResult(SalesRefusals.NotFound(id));

    /// <summary>Changes the facts: title, expected close date, source, competitors, needs, solution.</summary>
    [HttpPut("{id:guid}")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<OpportunityDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Describe(Guid id, DescribeRequest request, CancellationToken cancellationToken) =>
        (await deals.DescribeAsync(id, request.Version, request.ToFacts(), cancellationToken)).ToActionResult(o => Ok(OpportunityDto.From(o)));

    /// <summary>Replaces the lines; refused (409) once the deal is won or lost.</summary>
    [HttpPut("{id:guid}/lines")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<OpportunityDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Lines(Guid id, LinesRequest request, CancellationToken cancellationToken) =>
        (await deals.ReplaceLinesAsync(id, request.Version, request.Lines ?? [], cancellationToken)).ToActionResult(o => Ok(OpportunityDto.From(o)));

    /// <summary>Moves the deal to a stage of its pipeline: 200 when moved, 202 when the stage is gated and the move waits for the supervisor.</summary>
    [HttpPost("{id:guid}/move")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<MoveResultDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<MoveResultDto>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Move(Guid id, MoveToStageRequest request, CancellationToken cancellationToken) =>
        (await deals.MoveAsync(id, request.Version, request.StageId, request.Note, cancellationToken))
            .ToActionResult(r => r.Outcome == MoveOutcome.AwaitsApproval ? Accepted(MoveResultDto.From(r)) : Ok(MoveResultDto.From(r)));

    /// <summary>Wins the deal (past every gate, its stage's exit criteria met) with a reason; <c>recordPurchase</c> records it on the customer.</summary>
    [HttpPost("{id:guid}/win")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<OpportunityDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Win(Guid id, CloseRequest request, CancellationToken cancellationToken) =>
        (await deals.WinAsync(id, request.Version, request.Reason, request.RecordPurchase, cancellationToken)).ToActionResult(o => Ok(OpportunityDto.From(o)));

    /// <summary>Loses the deal with a reason from the tenant's list.</summary>
    [HttpPost("{id:guid}/lose")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<OpportunityDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Lose(Guid id, CloseRequest request, CancellationToken cancellationToken) =>
        (await deals.LoseAsync(id, request.Version, request.Reason, cancellationToken)).ToActionResult(o => Ok(OpportunityDto.From(o)));

    /// <summary>Logs a journal entry: a visit, call, meeting, e-mail or note, with its outcome and next step.</summary>
    [HttpPost("{id:guid}/activities")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<ActivityDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Log(Guid id, ActivityInput request, CancellationToken cancellationToken) =>
        (await journal.LogAsync(id, request, cancellationToken)).ToActionResult(a => Created($"/api/sales/opportunities/{id}", ActivityDto.From(a)));

    /// <summary>Adds a file (form fields <c>file</c> and <c>tag</c>, e.g. <c>proposal</c>): at most 10 MB (413 above), PDF, images, Word, Excel or PowerPoint.</summary>
    [HttpPost("{id:guid}/attachments")]
    [RequirePermission(SalesPermissions.Work)]
    [RequestSizeLimit(OpportunityJournal.MaxAttachmentBytes * 2)]
    [RequestFormLimits(MultipartBodyLengthLimit = OpportunityJournal.MaxAttachmentBytes * 2)]
    [ProducesResponseType<DealAttachmentInfo>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Attach(Guid id, IFormFile? file, [FromForm] string? tag, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return new RefusalResult(Refusal.Invalid("sales/attachment-missing", "file", "Send the file as multipart form field 'file'."));
        }

        if (OpportunityJournal.Files.Check(file.FileName, file.Length) is { IsRefused: true } refused)
        {
            return new RefusalResult(refused.Refusal);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (await journal.AttachAsync(id, tag, file.FileName, buffer.ToArray(), cancellationToken))
            .ToActionResult(a => Created($"/api/sales/opportunities/{id}/attachments/{a.Id}", new DealAttachmentInfo(a.Id, a.Tag, a.FileName, a.ContentType, a.Size, a.CreatedAt)));
    }

    /// <summary>Downloads a file of the deal.</summary>
    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await queries.AttachmentAsync(id, attachmentId, cancellationToken) is not { } attachment)
        {
            return new RefusalResult(Refusal.NotFound("sales/attachment-not-found", "There is no file {0} on this deal.", attachmentId));
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    /// <summary>
    /// Imports deals from a CSV or Excel file (form field <c>file</c>), one per row, columns by name (Title, Customer
    /// code or Customer with Phone and E-mail, Stage, Owner, Expected close, Amount, Source, Competitors, Forecast
    /// category; English or Chinese). <c>dryRun=true</c> checks every row and writes nothing; otherwise one bad row
    /// refuses the file (422 with the report) and nothing is written.
    /// </summary>
    [HttpPost("import")]
    [RequirePermission(SalesPermissions.Work)]
    [RequestSizeLimit(DealImport.MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DealImport.MaxFileBytes)]
    [ProducesResponseType<DealImportReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<DealImportReport>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Import(IFormFile? file, [FromQuery] bool dryRun, [FromQuery] Guid? pipelineId, [FromServices] DealImport import, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return new RefusalResult(Refusal.Invalid("sales/import-invalid", "file", "Send the file as multipart form field 'file'."));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var report = await import.RunAsync(file.FileName, buffer.ToArray(), pipelineId, dryRun, cancellationToken);
        return report.ToActionResult(r => r.Succeeded ? Ok(r) : UnprocessableEntity(r));
    }

    /// <summary>The board of a pipeline (the default one unless <c>pipelineId</c>): per stage the count and amount of open deals and the most recently changed.</summary>
    [HttpGet("/api/sales/board")]
    [RequirePermission(SalesPermissions.View)]
    [ProducesResponseType<IReadOnlyList<BoardColumnDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Board([FromQuery] Guid? pipelineId, [FromQuery] int? perStage, CancellationToken cancellationToken) =>
        await queries.BoardAsync(pipelineId, Math.Clamp(perStage ?? 20, 1, 100), cancellationToken) is { } columns
            ? Ok(columns.Select(c => BoardColumnDto.From(c, time.GetUtcNow().UtcDateTime)).ToList())
            : new RefusalResult(SalesRefusals.PipelineNotFound(pipelineId ?? Guid.Empty));
}

/// <summary>Gated moves for supervisors: what waits, and the decision.</summary>
[ApiController]
[Route("api/sales/approvals")]
internal sealed class ApprovalsApiController(OpportunityService deals, OpportunityQueries queries) : ControllerBase
{
    /// <summary>The moves waiting for a decision among the deals the supervisor sees, oldest first.</summary>
    [HttpGet]
    [RequirePermission(SalesPermissions.Supervise)]
    public async Task<IReadOnlyList<MoveRequestDto>> Pending(CancellationToken cancellationToken) =>
        [.. (await queries.PendingApprovalsAsync(cancellationToken)).Select(MoveRequestDto.From)];

    /// <summary>Approves the move (the deal enters the gated stage) or sends it back with a comment the sales person reads.</summary>
    [HttpPost("{requestId:guid}")]
    [RequirePermission(SalesPermissions.Supervise)]
    [ProducesResponseType<MoveResultDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Decide(Guid requestId, DecisionRequest request, CancellationToken cancellationToken) =>
        (await deals.DecideAsync(requestId, request.Approve, request.Comment, cancellationToken)).ToActionResult(r => Ok(MoveResultDto.From(r)));
}
