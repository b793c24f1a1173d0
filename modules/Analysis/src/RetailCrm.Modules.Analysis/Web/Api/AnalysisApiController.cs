using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Analysis.Application.Actions;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Application.Recompute;
using RetailCrm.Modules.Analysis.Application.Reports;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Analysis.Web.Api;

/// <summary>
/// The analysis as JSON, within the caller's data scope: segments, the migration matrix, the Pareto curve, the
/// customers behind any figure (paged, or as a file), consumption and business reports. Amounts are in minor units.
/// Refusals are RFC 9457 problem details with the field at fault.
/// </summary>
[ApiController]
[Route("api/analysis")]
internal sealed class AnalysisApiController(AnalysisQueries queries, BusinessReports reports, TimeProvider time) : ControllerBase
{
    /// <summary>The RFM segments now: customers and revenue of each, within the caller's data scope.</summary>
    [HttpGet("segments")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<SegmentFigure>> Segments(CancellationToken cancellationToken) => queries.SegmentsAsync(cancellationToken);

    /// <summary>The migration matrix: customers and revenue per cell of previous segment by segment now (null: no purchase in that window).</summary>
    [HttpGet("matrix")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<MatrixCell>> Matrix(CancellationToken cancellationToken) => queries.MatrixAsync(cancellationToken);

    /// <summary>The Pareto curve of the window and the share of revenue of the top N % of customers.</summary>
    [HttpGet("pareto")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Pareto(int? top, CancellationToken cancellationToken)
    {
        if (!TopShare.IsValidShare(top))
        {
            return new RefusalResult(Refusal.Invalid("analysis/filter-invalid", "top", TopShare.ShareRule));
        }

        var curve = await queries.ParetoAsync(top, cancellationToken);
        return Ok(new { curve.TopPercent, curve.TopShare, curve.Customers, Points = curve.Points.Select(p => new { p.Percent, p.Share }) });
    }

    /// <summary>The customers behind a figure (segment, matrix cell, top share, problem, dormant, tier, lifecycle class), 50 a page.</summary>
    [HttpGet("customers")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Customers([FromQuery] ListFilter filter, int? page, CancellationToken cancellationToken) =>
        (await queries.CustomersAsync(filter.ToFilter(page ?? 1), cancellationToken)).ToActionResult(Ok);

    /// <summary>The customers behind a figure as a CSV or Excel file.</summary>
    [HttpGet("customers/export.{format:regex(^(csv|xlsx)$)}")]
    [RequirePermission(AnalysisPermissions.Export)]
    public async Task<IActionResult> Export(string format, [FromQuery] ListFilter filter, [FromServices] CustomerExport export, CancellationToken cancellationToken) =>
        (await export.ExportAsync(filter.ToFilter(), format == "xlsx" ? TableFileFormat.Xlsx : TableFileFormat.Csv, cancellationToken))
            .ToActionResult(file => File(file.Content, file.ContentType, file.FileName));

    /// <summary>Consumption by store, tier, lifecycle class or card product over whole months: purchases, customers, revenue, average basket.</summary>
    [HttpGet("consumption")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Consumption(ConsumptionDimension? dimension, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused
            ? new RefusalResult(range.Refusal)
            : Ok(await reports.ConsumptionAsync(dimension ?? ConsumptionDimension.Store, range.Value.From, range.Value.To, cancellationToken));
    }

    /// <summary>The card business: the liability by product and store, cards sold, top-ups against spending, the breakage estimate.</summary>
    [HttpGet("business/cards")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Cards(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused ? new RefusalResult(range.Refusal) : Ok(await reports.CardsAsync(range.Value.From, range.Value.To, cancellationToken));
    }

    /// <summary>Service statistics per month: tickets opened, complaints, resolved, average satisfaction.</summary>
    [HttpGet("business/service")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Service(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused ? new RefusalResult(range.Refusal) : Ok(await reports.ServiceAsync(range.Value.From, range.Value.To, cancellationToken));
    }

    /// <summary>Pipeline statistics per month: deals won and lost, their amounts and the win rate.</summary>
    [HttpGet("business/pipeline")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Pipeline(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused ? new RefusalResult(range.Refusal) : Ok(await reports.PipelineAsync(range.Value.From, range.Value.To, cancellationToken));
    }

    /// <summary>A range of whole months; by default the twelve up to this one.</summary>
    private Result<MonthRange> Range(DateOnly? from, DateOnly? to) => MonthRange.Of(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
}

/// <summary>Recomputes (started on demand, watched while they run) and the tenant's analysis settings.</summary>
[ApiController]
[Route("api/analysis")]
internal sealed class AnalysisRunsApiController(Recomputes recomputes, AnalysisSettings settings) : ControllerBase
{
    /// <summary>Starts a recompute (with rebuild: every fact read again from the other modules first); 202 with the run to watch, 409 while another runs.</summary>
    [HttpPost("recomputes")]
    [RequirePermission(AnalysisPermissions.Recompute)]
    public async Task<IActionResult> Start(RecomputeRequest? request, CancellationToken cancellationToken) =>
        (await recomputes.StartAsync(request?.Rebuild ?? false, "manual", cancellationToken))
            .ToActionResult(run => AcceptedAtAction(nameof(Run), new { id = run.Id }, run));

    /// <summary>The last twenty recomputes, newest first.</summary>
    [HttpGet("recomputes")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<Domain.Runs.RecomputeRun>> Runs(CancellationToken cancellationToken) => recomputes.LatestAsync(20, cancellationToken);

    /// <summary>One recompute: its status, phase and progress (0–100), what it counted or why it failed.</summary>
    [HttpGet("recomputes/{id:guid}")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Run(Guid id, CancellationToken cancellationToken) =>
        await recomputes.FindAsync(id, cancellationToken) is { } run
            ? Ok(run)
            : new RefusalResult(Refusal.NotFound("analysis/recompute-not-found", "There is no recompute {0}.", id));

    /// <summary>The tenant's analysis settings: window, weights, thresholds and the segment map.</summary>
    [HttpGet("settings")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<SettingsDto> Settings(CancellationToken cancellationToken) => SettingsDto.Of(await settings.GetAsync(cancellationToken));

    /// <summary>Changes the analysis settings (missing values stay); 400 with the field at fault. Applies from the next recompute.</summary>
    [HttpPut("settings")]
    [RequirePermission(AnalysisPermissions.Configure)]
    public async Task<IActionResult> Save(SettingsInput input, CancellationToken cancellationToken) =>
        (await settings.SaveAsync(input, cancellationToken)).ToActionResult(c => Ok(SettingsDto.Of(c)));
}

/// <summary>The settings as the API answers them, the segment map spelled out as rules.</summary>
internal sealed record SettingsDto(int WindowDays, DateOnly? WindowStart, DateOnly? WindowEnd, decimal RecencyWeight, decimal FrequencyWeight, decimal MonetaryWeight,
    int DormantDays, int ProblemThreshold, int TopPercent, IReadOnlyList<SegmentRule> SegmentMap)
{
    public static SettingsDto Of(AnalysisConfiguration c) => new(c.WindowDays, c.WindowStart, c.WindowEnd, c.RecencyWeight, c.FrequencyWeight, c.MonetaryWeight,
        c.DormantDays, c.ProblemThreshold, c.TopPercent, AnalysisSettings.MapOf(c).Rules);
}

/// <summary>A segment or list becomes an action: a tag, an outbound call list, a greeting (previewed first).</summary>
[ApiController]
[Route("api/analysis/actions")]
internal sealed class AnalysisActionsApiController(SegmentActions actions) : ControllerBase
{
    /// <summary>Tags the customers behind a figure on the members module; answers how many gained the tag.</summary>
    [HttpPost("tag")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Tag(TagRequest request, CancellationToken cancellationToken) =>
        (await actions.TagAsync(Filter(request.Customers), request.Tag, cancellationToken)).ToActionResult(n => Ok(new TaggedDto(n)));

    /// <summary>Makes an outbound call list of the service module from the customers behind a figure, split among the agents.</summary>
    [HttpPost("call-list")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> CallList(CallListRequest request, CancellationToken cancellationToken) =>
        (await actions.CallListAsync(Filter(request.Customers), request.Name, request.AgentUserIds, cancellationToken))
            .ToActionResult(made => Created($"/api/service/campaigns/{made.CampaignId}", made));

    /// <summary>How many of the customers behind a figure a greeting would reach: all, consenting, reachable by the channel.</summary>
    [HttpPost("greeting/preview")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Preview(GreetingRequest request, CancellationToken cancellationToken) =>
        (await actions.PreviewGreetingAsync(Filter(request.Customers), request.Channel, cancellationToken)).ToActionResult(Ok);

    /// <summary>Sends the greeting template to the consenting customers behind a figure by e-mail or text message (Idempotency-Key required).</summary>
    [HttpPost("greeting")]
    [IdempotentWrite]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Greeting(GreetingRequest request, CancellationToken cancellationToken) =>
        (await actions.SendGreetingAsync(Filter(request.Customers), request.Channel, request.Culture, cancellationToken)).ToActionResult(Ok);

    private static CustomerFilter Filter(ListFilter? filter) => (filter ?? new ListFilter()).ToFilter();
}
