using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Analysis.Application.Actions;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Application.Recompute;
using RetailCrm.Modules.Analysis.Application.Reports;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Web.Api;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Analysis.Web.Pages;

/// <summary>
/// The analysis pages: the overview with the recompute, the customers behind any figure with their actions, and the
/// consumption breakdown. Every figure links to its customers; forms post once.
/// </summary>
[Route("analysis")]
internal sealed class AnalysisPageController(AnalysisQueries queries, Recomputes recomputes, AnalysisSettings settings, IPermissionChecker permissions) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var configuration = await settings.GetAsync(cancellationToken);
        var problems = await queries.FilteredAsync(new CustomerFilter { Problem = true }, cancellationToken);
        var dormant = await queries.FilteredAsync(new CustomerFilter { Dormant = true }, cancellationToken);
        return View("Index", new OverviewPage(
            await recomputes.CurrentAsync(cancellationToken),
            (await recomputes.LatestAsync(1, cancellationToken)) is [var latest, ..] ? latest : null,
            await queries.SegmentsAsync(cancellationToken),
            await queries.ParetoAsync(null, cancellationToken),
            await queries.MatrixAsync(cancellationToken),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(problems.Value.Query, cancellationToken),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(dormant.Value.Query, cancellationToken),
            configuration,
            await permissions.IsGrantedAsync(AnalysisPermissions.Recompute, cancellationToken)));
    }

    [HttpPost("recompute")]
    [PostOnce]
    [RequirePermission(AnalysisPermissions.Recompute)]
    public async Task<IActionResult> Recompute(bool rebuild, CancellationToken cancellationToken)
    {
        var started = await recomputes.StartAsync(rebuild, "manual", cancellationToken);
        return started.IsRefused
            ? await RefusedAsync(started.Refusal, () => Index(cancellationToken), "recompute")
            : Done("/analysis", "The recompute has started; this page follows it.");
    }

    [HttpGet("customers")]
    [RequirePermission(AnalysisPermissions.View)]
    public Task<IActionResult> Customers([FromQuery] ListFilter filter, int? page, [FromServices] IUserDirectory users, CancellationToken cancellationToken) =>
        CustomersAsync(filter.ToFilter(page ?? 1), null, users, cancellationToken);

    [HttpGet("customers/export.{format:regex(^(csv|xlsx)$)}")]
    [RequirePermission(AnalysisPermissions.Export)]
    public async Task<IActionResult> Export(string format, [FromQuery] ListFilter filter, [FromServices] CustomerExport export, CancellationToken cancellationToken)
    {
        var file = await export.ExportAsync(filter.ToFilter(), format == "xlsx" ? TableFileFormat.Xlsx : TableFileFormat.Csv, cancellationToken);
        return file.IsRefused ? new RefusalResult(file.Refusal) : File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    [HttpPost("customers/tag")]
    [PostOnce]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> Tag([FromQuery] ListFilter filter, string? tag, [FromServices] SegmentActions actions, [FromServices] IUserDirectory users, CancellationToken cancellationToken)
    {
        var tagged = await actions.TagAsync(filter.ToFilter(), tag, cancellationToken);
        return tagged.IsRefused
            ? await RefusedAsync(tagged.Refusal, () => CustomersAsync(filter.ToFilter(), null, users, cancellationToken), "tag")
            : Done(CustomersUrl(filter), "{0} customers were tagged '{1}'.", tagged.Value, tag!.Trim());
    }

    [HttpPost("customers/call-list")]
    [PostOnce]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> CallList([FromQuery] ListFilter filter, string? name, List<Guid>? agentUserIds, [FromServices] SegmentActions actions, [FromServices] IUserDirectory users, CancellationToken cancellationToken)
    {
        var made = await actions.CallListAsync(filter.ToFilter(), name, agentUserIds, cancellationToken);
        return made.IsRefused
            ? await RefusedAsync(made.Refusal, () => CustomersAsync(filter.ToFilter(), null, users, cancellationToken), "call-list")
            : Done($"/service/campaigns/{made.Value.CampaignId}", "The call list has {0} calls; {1} customers without a phone were left out.", made.Value.Calls, made.Value.WithoutPhone);
    }

    [HttpPost("customers/greeting/preview")]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> PreviewGreeting([FromQuery] ListFilter filter, string? channel, [FromServices] SegmentActions actions, [FromServices] IUserDirectory users, CancellationToken cancellationToken)
    {
        var preview = await actions.PreviewGreetingAsync(filter.ToFilter(), channel, cancellationToken);
        return preview.IsRefused
            ? await RefusedAsync(preview.Refusal, () => CustomersAsync(filter.ToFilter(), null, users, cancellationToken), "greeting")
            : await CustomersAsync(filter.ToFilter(), preview.Value, users, cancellationToken);
    }

    [HttpPost("customers/greeting")]
    [PostOnce]
    [RequirePermission(AnalysisPermissions.Act)]
    public async Task<IActionResult> SendGreeting([FromQuery] ListFilter filter, string? channel, [FromServices] SegmentActions actions, [FromServices] IUserDirectory users, CancellationToken cancellationToken)
    {
        var sent = await actions.SendGreetingAsync(filter.ToFilter(), channel, System.Globalization.CultureInfo.CurrentUICulture.Name, cancellationToken);
        return sent.IsRefused
            ? await RefusedAsync(sent.Refusal, () => CustomersAsync(filter.ToFilter(), null, users, cancellationToken), "greeting")
            : Done(CustomersUrl(filter), "{0} greetings are on their way; {1} customers without marketing consent and {2} without an address were left out.", sent.Value.Queued, sent.Value.WithoutConsent, sent.Value.WithoutAddress);
    }

    [HttpGet("consumption")]
    [RequirePermission(AnalysisPermissions.View)]
    public async Task<IActionResult> Consumption(ConsumptionDimension? dimension, DateOnly? from, DateOnly? to, [FromServices] BusinessReports reports, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var range = MonthRange.Of(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (range.IsRefused)
        {
            return new RefusalResult(range.Refusal);
        }

        var (first, last) = (range.Value.From, range.Value.To);
        var chosen = dimension ?? ConsumptionDimension.Store;
        return View("Consumption", new ConsumptionPage(chosen, first, last, await reports.ConsumptionAsync(chosen, first, last, cancellationToken), await reports.MonthsAsync(first, last, cancellationToken)));
    }

    [HttpGet("business")]
    [RequirePermission(AnalysisPermissions.Business)]
    public async Task<IActionResult> Business(DateOnly? from, DateOnly? to, [FromServices] BusinessReports reports, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var range = MonthRange.Of(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (range.IsRefused)
        {
            return new RefusalResult(range.Refusal);
        }

        var (first, last) = (range.Value.From, range.Value.To);
        return View("Business", new BusinessPage(first, last, await reports.CardsAsync(first, last, cancellationToken),
            await reports.ServiceAsync(first, last, cancellationToken), await reports.PipelineAsync(first, last, cancellationToken)));
    }

    [HttpGet("settings")]
    [RequirePermission(AnalysisPermissions.Configure)]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) => await SettingsAsync(cancellationToken);

    [HttpPost("settings")]
    [PostOnce]
    [RequirePermission(AnalysisPermissions.Configure)]
    public async Task<IActionResult> SaveSettings(SettingsForm form, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(() => SettingsAsync(cancellationToken), "settings") is { } invalid)
        {
            return invalid;
        }

        var saved = await settings.SaveAsync(form.ToInput(), cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(saved.Refusal, () => SettingsAsync(cancellationToken), "settings")
            : Done("/analysis/settings", "The analysis settings were saved; they apply from the next recompute.");
    }

    private async Task<IActionResult> SettingsAsync(CancellationToken cancellationToken)
    {
        var configuration = await settings.GetAsync(cancellationToken);
        return View("Settings", new SettingsPage(configuration, AnalysisSettings.MapOf(configuration)));
    }

    private async Task<IActionResult> CustomersAsync(CustomerFilter filter, GreetingPreview? preview, IUserDirectory users, CancellationToken cancellationToken)
    {
        var found = await queries.CustomersAsync(filter, cancellationToken);
        if (found.IsRefused)
        {
            return new RefusalResult(found.Refusal);
        }

        return View("Customers", new CustomersPage(filter, found.Value, await users.WithPermissionAsync(ServicePermissions.TicketsWork, cancellationToken), preview,
            await permissions.IsGrantedAsync(AnalysisPermissions.Act, cancellationToken), await permissions.IsGrantedAsync(AnalysisPermissions.Export, cancellationToken)));
    }

    private static string CustomersUrl(ListFilter filter) => "/analysis/customers?" + filter.ToFilter().ToQuery();
}

/// <summary>The settings form: numbers as typed (a weight that is not a number is refused by the binder, with its field), and the 25 cells of the segment map.</summary>
internal sealed class SettingsForm
{
    public int? WindowDays { get; set; }

    public DateOnly? WindowStart { get; set; }

    public DateOnly? WindowEnd { get; set; }

    public decimal? RecencyWeight { get; set; }

    public decimal? FrequencyWeight { get; set; }

    public decimal? MonetaryWeight { get; set; }

    public int? DormantDays { get; set; }

    public int? ProblemThreshold { get; set; }

    public int? TopPercent { get; set; }

    /// <summary>The segment of each cell, keyed <c>R{r}F{fm}</c>; an empty cell is missing.</summary>
    public Dictionary<string, RfmSegment?> Cells { get; set; } = [];

    public SettingsInput ToInput() => new(WindowDays, WindowStart, WindowEnd, RecencyWeight, FrequencyWeight, MonetaryWeight, DormantDays, ProblemThreshold, TopPercent,
        Cells.Count == 0 ? null : [.. Enumerable.Range(1, 5).SelectMany(r => Enumerable.Range(1, 5).Select(fm =>
        {
            Cells.TryGetValue($"R{r}F{fm}", out var segment);
            return new SegmentRuleInput(segment, r, r, fm, fm);
        })).Where(rule => rule.Segment is not null)]);
}
