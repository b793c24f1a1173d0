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
    [HttpGet("segments")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<SegmentFigure>> Segments(CancellationToken cancellationToken) => queries.SegmentsAsync(cancellationToken);

    [HttpGet("matrix")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<MatrixCell>> Matrix(CancellationToken cancellationToken) => queries.MatrixAsync(cancellationToken);

    [HttpGet("pareto")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Pareto(int? top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > 99)
        {
            return new RefusalResult(Refusal.Invalid("analysis/filter-invalid", "top", "The top share is 1 to 99 percent of customers."));
        }

        var curve = await queries.ParetoAsync(top, cancellationToken);
        return Ok(new { curve.TopPercent, curve.TopShare, curve.Customers, Points = curve.Points.Select(p => new { p.Percent, p.Share }) });
    }

    [HttpGet("customers")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Customers([FromQuery] ListFilter filter, int? page, CancellationToken cancellationToken) =>
        (await queries.CustomersAsync(filter.ToFilter(page ?? 1), cancellationToken)).ToActionResult(Ok);

    [HttpGet("customers/export.{format:regex(^(csv|xlsx)$)}")]
    [RequirePermission(AnalysisPermissions.Export)]
    public async Task<IActionResult> Export(string format, [FromQuery] ListFilter filter, [FromServices] CustomerExport export, CancellationToken cancellationToken) =>
        (await export.ExportAsync(filter.ToFilter(), format == "xlsx" ? TableFileFormat.Xlsx : TableFileFormat.Csv, cancellationToken))
            .ToActionResult(file => File(file.Content, file.ContentType, file.FileName));

    [HttpGet("consumption")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Consumption(ConsumptionDimension? dimension, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused
            ? new RefusalResult(range.Refusal)
            : Ok(await reports.ConsumptionAsync(dimension ?? ConsumptionDimension.Store, range.Value.From, range.Value.To, cancellationToken));
    }

    [HttpGet("business/cards")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Cards(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused ? new RefusalResult(range.Refusal) : Ok(await reports.CardsAsync(range.Value.From, range.Value.To, cancellationToken));
    }

    [HttpGet("business/service")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Service(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var range = Range(from, to);
        return range.IsRefused ? new RefusalResult(range.Refusal) : Ok(await reports.ServiceAsync(range.Value.From, range.Value.To, cancellationToken));
    }

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

/// <summary>The first days of the first and last months of a report.</summary>
internal sealed record MonthRange(DateOnly From, DateOnly To)
{
    public static Result<MonthRange> Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var last = to ?? today;
        var first = from ?? last.AddMonths(-11);
        if (last < first)
        {
            return Refusal.Invalid("analysis/range-invalid", "to", "The range ends ({0}) before it starts ({1}).", last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new MonthRange(new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1));
    }
}

/// <summary>Recomputes (started on demand, watched while they run) and the tenant's analysis settings.</summary>
[ApiController]
[Route("api/analysis")]
internal sealed class AnalysisRunsApiController(Recomputes recomputes, AnalysisSettings settings) : ControllerBase
{
    [HttpPost("recomputes")]
    [RequirePermission(AnalysisPermissions.Recompute)]
    public async Task<IActionResult> Start(RecomputeRequest? request, CancellationToken cancellationToken) =>
        (await recomputes.StartAsync(request?.Rebuild ?? false, "manual", cancellationToken))
            .ToActionResult(run => AcceptedAtAction(nameof(Run), new { id = run.Id }, run));

    [HttpGet("recomputes")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IReadOnlyList<Domain.Runs.RecomputeRun>> Runs(CancellationToken cancellationToken) => recomputes.LatestAsync(20, cancellationToken);

    [HttpGet("recomputes/{id:guid}")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Run(Guid id, CancellationToken cancellationToken) =>
        await recomputes.FindAsync(id, cancellationToken) is { } run
            ? Ok(run)
            : new RefusalResult(Refusal.NotFound("analysis/recompute-not-found", "There is no recompute {0}.", id));

    [HttpGet("settings")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<SettingsDto> Settings(CancellationToken cancellationToken) => SettingsDto.Of(await settings.GetAsync(cancellationToken));

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
    [HttpPost("tag")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Tag(TagRequest request, CancellationToken cancellationToken) =>
        (await actions.TagAsync(Filter(request.Customers), request.Tag, cancellationToken)).ToActionResult(n => Ok(new TaggedDto(n)));

    [HttpPost("call-list")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> CallList(CallListRequest request, CancellationToken cancellationToken) =>
        (await actions.CallListAsync(Filter(request.Customers), request.Name, request.AgentUserIds, cancellationToken))
            .ToActionResult(made => Created($"/api/service/campaigns/{made.CampaignId}", made));

    [HttpPost("greeting/preview")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Preview(GreetingRequest request, CancellationToken cancellationToken) =>
        (await actions.PreviewGreetingAsync(Filter(request.Customers), request.Channel, cancellationToken)).ToActionResult(Ok);

    [HttpPost("greeting")]
    [IdempotentWrite]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Greeting(GreetingRequest request, CancellationToken cancellationToken) =>
        (await actions.SendGreetingAsync(Filter(request.Customers), request.Channel, request.Culture, cancellationToken)).ToActionResult(Ok);

    private static CustomerFilter Filter(ListFilter? filter) => (filter ?? new ListFilter(null, null, null, null, null, null, null, null)).ToFilter();
}
