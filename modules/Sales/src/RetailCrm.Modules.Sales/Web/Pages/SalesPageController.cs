using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Catalogue;
using RetailCrm.Modules.Sales.Application.Import;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Application.Tasks;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Web.Pages;

/// <summary>
/// The sales people's pages: the board of a pipeline (drag and drop or the keyboard, each move checked as the API
/// checks it), the deals list with its filters, the form of a new deal and the deal's own page with everything done
/// on it. A refused form shows the page again with each error at its field.
/// </summary>
[Route("sales")]
internal sealed class SalesPageController(
    OpportunityService deals,
    OpportunityQueries queries,
    OpportunityJournal journal,
    DealList list,
    PipelineCatalog pipelines,
    ProductCatalogue products,
    TaskService tasks,
    SalesPeople people,
    SalesCalendar calendar,
    ICustomerLookup customers,
    IPermissionChecker permissions,
    ISettingProvider settings,
    SalesPageContext pageContext) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(SalesPermissions.View)]
    public Task<IActionResult> Board(Guid? pipelineId, CancellationToken cancellationToken) => BoardPageAsync(pipelineId, cancellationToken);

    [HttpPost("opportunities/{id:guid}/move")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Move(Guid id, int version, Guid stageId, string? note, string? back, CancellationToken cancellationToken)
    {
        var moved = await deals.MoveAsync(id, version, stageId, note, cancellationToken);
        var onBoard = back == "board";
        if (moved.IsRefused)
        {
            return await RefusedAsync(moved.Refusal, () => onBoard ? BoardPageAsync(null, cancellationToken) : DealPageAsync(id, cancellationToken), $"move-{id:N}");
        }

        var stage = SalesNames.Of((await pipelines.FindAsync(moved.Value.Opportunity.PipelineId, cancellationToken))!.Find(stageId)!);
        var url = onBoard ? $"/sales?pipelineId={moved.Value.Opportunity.PipelineId}" : $"/sales/opportunities/{id}";
        return moved.Value.Outcome == MoveOutcome.AwaitsApproval
            ? Done(url, "The move to {0} waits for the supervisor's approval.", stage)
            : Done(url, "Moved to {0}.", stage);
    }

    [HttpGet("list")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> List(DealFilterForm filter, int? page, CancellationToken cancellationToken)
    {
        var (p, size) = Pager.Clamp(page, null);
        var found = await list.PageAsync(filter.ToFilter(), (p - 1) * size, size, cancellationToken);
        return View("List", new DealListPage(filter.ToFilter(), found, new Pager(p, size, found.Total), await pageContext.NamesAsync(cancellationToken), await pageContext.ClockAsync(cancellationToken), Request.QueryString.Value ?? ""));
    }

    [HttpGet("list/export.{format:regex(^(csv|xlsx)$)}")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Export(string format, DealFilterForm filter, [FromServices] DealExport export, CancellationToken cancellationToken) =>
        await export.ExportAsync(filter.ToFilter(), format == "xlsx" ? TableFileFormat.Xlsx : TableFileFormat.Csv, cancellationToken) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : Done($"/sales/list{Request.QueryString}", "The list holds more than {0} deals; narrow it down to export it.", DealExport.MaxRows);

    [HttpGet("import")]
    [RequirePermission(SalesPermissions.Work)]
    public IActionResult Import() => View("Import", (DealImportReport?)null);

    [HttpPost("import")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    [RequestSizeLimit(DealImport.MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DealImport.MaxFileBytes)]
    public async Task<IActionResult> Import(IFormFile? file, bool dryRun, [FromServices] DealImport import, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return await RefusedAsync(Refusal.Invalid("sales/import-invalid", "file", "Choose a file."), () => Task.FromResult<IActionResult>(View("Import", (DealImportReport?)null)), "import");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var report = await import.RunAsync(file.FileName, buffer.ToArray(), null, dryRun, cancellationToken);
        if (report.IsRefused)
        {
            return await RefusedAsync(report.Refusal, () => Task.FromResult<IActionResult>(View("Import", (DealImportReport?)null)), "import");
        }

        if (report.Value.Succeeded && !dryRun)
        {
            return Done("/sales/list", "{0} deals imported.", report.Value.Created);
        }

        Response.StatusCode = report.Value.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return View("Import", report.Value);
    }

    [HttpGet("opportunities/new")]
    [RequirePermission(SalesPermissions.Work)]
    public Task<IActionResult> New(string? find, Guid? customerId, CancellationToken cancellationToken) => NewPageAsync(find, customerId, [], cancellationToken);

    [HttpPost("opportunities")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Open(NewDealForm form, CancellationToken cancellationToken)
    {
        var opened = await deals.OpenAsync(form.ToInput(), cancellationToken);
        if (!opened.IsRefused)
        {
            return Done($"/sales/opportunities/{opened.Value.Id}", "Deal {0} opened.", opened.Value.Title);
        }

        var duplicates = opened.Refusal.Extensions.TryGetValue(ICustomerRegistration.DuplicatesExtension, out var found) && found is IReadOnlyList<LikelyDuplicate> likely ? likely : [];
        return await RefusedAsync(ProspectFields(opened.Refusal), () => NewPageAsync(null, form.CustomerId, duplicates, cancellationToken));
    }

    [HttpGet("opportunities/{id:guid}")]
    [RequirePermission(SalesPermissions.View)]
    public Task<IActionResult> Deal(Guid id, CancellationToken cancellationToken) => DealPageAsync(id, cancellationToken);

    [HttpPost("opportunities/{id:guid}/describe")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Describe(Guid id, int version, OpportunityFacts facts, CancellationToken cancellationToken) =>
        await AfterAsync(id, "facts", await deals.DescribeAsync(id, version, facts, cancellationToken), "Deal saved.", cancellationToken);

    [HttpPost("opportunities/{id:guid}/lines")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Lines(Guid id, LinesForm form, CancellationToken cancellationToken)
    {
        var (input, positions) = form.ToInput();
        var replaced = await deals.ReplaceLinesAsync(id, form.Version, input, cancellationToken);
        return replaced.IsRefused
            ? await RefusedAsync(LinesForm.AtFormRows(replaced.Refusal, positions), () => DealPageAsync(id, cancellationToken), "lines")
            : Done($"/sales/opportunities/{id}", "Lines saved.");
    }

    [HttpPost("opportunities/{id:guid}/activities")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Log(Guid id, ActivityKind? kind, DateTime? at, string? subject, string? outcome, string? nextStep, CancellationToken cancellationToken)
    {
        var when = at is { } local ? await calendar.FromLocalAsync(local, cancellationToken) : (DateTime?)null;
        var logged = await journal.LogAsync(id, new ActivityInput(kind, when, subject, outcome, nextStep), cancellationToken);
        return logged.IsRefused
            ? await RefusedAsync(logged.Refusal, () => DealPageAsync(id, cancellationToken), "journal")
            : Done($"/sales/opportunities/{id}", "Entry logged.");
    }

    [HttpPost("opportunities/{id:guid}/attachments")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    [RequestSizeLimit(OpportunityJournal.MaxAttachmentBytes * 2)]
    [RequestFormLimits(MultipartBodyLengthLimit = OpportunityJournal.MaxAttachmentBytes * 2)]
    public async Task<IActionResult> Attach(Guid id, IFormFile? file, string? tag, CancellationToken cancellationToken)
    {
        Result<Domain.Opportunities.OpportunityAttachment> attached;
        if (file is null)
        {
            attached = Refusal.Invalid("sales/attachment-missing", "file", "Choose a file.");
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            attached = await journal.AttachAsync(id, tag, file.FileName, buffer.ToArray(), cancellationToken);
        }

        return attached.IsRefused
            ? await RefusedAsync(attached.Refusal, () => DealPageAsync(id, cancellationToken), "attach")
            : Done($"/sales/opportunities/{id}", "File {0} added.", attached.Value.FileName);
    }

    [HttpPost("opportunities/{id:guid}/tasks")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> AddTask(Guid id, string? title, DateTime? dueAt, DateTime? remindAt, string? notes, Guid? assigneeUserId, CancellationToken cancellationToken)
    {
        var due = dueAt is { } d ? await calendar.FromLocalAsync(d, cancellationToken) : (DateTime?)null;
        var remind = remindAt is { } r ? await calendar.FromLocalAsync(r, cancellationToken) : (DateTime?)null;
        var created = await tasks.CreateAsync(new TaskInput(title, due, remind, notes, assigneeUserId, id), cancellationToken);
        return created.IsRefused
            ? await RefusedAsync(created.Refusal, () => DealPageAsync(id, cancellationToken), "task")
            : Done($"/sales/opportunities/{id}", "Task added.");
    }

    [HttpPost("opportunities/{id:guid}/win")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Win(Guid id, int version, string? reason, bool recordPurchase, CancellationToken cancellationToken) =>
        await AfterAsync(id, "win", await deals.WinAsync(id, version, reason, recordPurchase, cancellationToken), "Deal won.", cancellationToken);

    [HttpPost("opportunities/{id:guid}/lose")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Lose(Guid id, int version, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, "lose", await deals.LoseAsync(id, version, reason, cancellationToken), "Deal lost.", cancellationToken);

    [HttpPost("approvals/{requestId:guid}")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Supervise)]
    public async Task<IActionResult> Decide(Guid requestId, Guid opportunityId, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var decided = await deals.DecideAsync(requestId, approve, comment, cancellationToken);
        return decided.IsRefused
            ? await RefusedAsync(decided.Refusal, () => DealPageAsync(opportunityId, cancellationToken), "decide")
            : Done($"/sales/opportunities/{opportunityId}", approve ? "Move approved." : "Move sent back.");
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, string formId, Result<T> outcome, string notice, CancellationToken cancellationToken) =>
        outcome.IsRefused
            ? await RefusedAsync(outcome.Refusal, () => DealPageAsync(id, cancellationToken), formId)
            : Done($"/sales/opportunities/{id}", notice);

    private async Task<IActionResult> BoardPageAsync(Guid? pipelineId, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindOrDefaultAsync(pipelineId, cancellationToken);
        var columns = pipeline is null ? null : await queries.BoardAsync(pipeline.Pipeline.Id, 20, cancellationToken);
        if (pipeline is null || columns is null)
        {
            return NotFound();
        }

        return View("Board", new BoardPage(pipeline, columns, await pageContext.NamesAsync(cancellationToken), await pageContext.ClockAsync(cancellationToken),
            await permissions.IsGrantedAsync(SalesPermissions.Work, cancellationToken)));
    }

    private async Task<IActionResult> NewPageAsync(string? find, Guid? customerId, IReadOnlyList<LikelyDuplicate> duplicates, CancellationToken cancellationToken)
    {
        var customer = customerId is { } id ? await customers.FindAsync(id, cancellationToken) : null;
        var found = customer is null && OpportunityFacts.Clean(find) is { } term ? await customers.SearchAsync(term, 10, cancellationToken) : [];
        return View("New", new NewDealPage(find, found, customer, duplicates, await pipelines.ListAsync(cancellationToken)));
    }

    private async Task<IActionResult> DealPageAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await queries.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var names = await pageContext.NamesAsync(cancellationToken);
        var pipeline = names.Pipelines.First(p => p.Pipeline.Id == details.Opportunity.PipelineId);
        return View("Deal", new DealPageModel(
            details,
            pipeline,
            await tasks.ListAsync(new TaskFilter(OpportunityId: id, IncludeDone: true), cancellationToken),
            await products.ListAsync(activeOnly: true, cancellationToken),
            SalesSettings.Reasons(await settings.GetAsync(SalesSettings.WonReasons, cancellationToken)),
            SalesSettings.Reasons(await settings.GetAsync(SalesSettings.LostReasons, cancellationToken)),
            await people.InScopeAsync(cancellationToken),
            names,
            await pageContext.ClockAsync(cancellationToken),
            await permissions.IsGrantedAsync(SalesPermissions.Work, cancellationToken),
            await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken)));
    }


    /// <summary>The members module names the contact's fields as its API does; the form posts them as prospect fields.</summary>
    private static Refusal ProspectFields(Refusal refusal) => refusal with
    {
        Fields = [.. refusal.Fields.Select(f => f.Field switch
        {
            "displayName" => f with { Field = "prospectName" },
            "phone" => f with { Field = "prospectPhone" },
            "email" => f with { Field = "prospectEmail" },
            _ => f,
        })],
    };
}
