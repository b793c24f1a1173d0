using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Merging;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The merge screen: the candidates side by side, the first one the proposed survivor.</summary>
internal sealed record MergePage(IReadOnlyList<Customer> Customers);

/// <summary>The merges a customer took part in, as the history page shows them.</summary>
internal sealed record MergeHistoryPage(Guid CustomerId, IReadOnlyList<MergeHistoryItem> Merges);

/// <summary>The merge screen: pick the survivor and, per field, whose value to keep; confirm.</summary>
[Route("members/merge")]
internal sealed class MergeController(MergeService merges) : CrmPageController
{
    private const string ViewPath = "~/Web/Views/Merge/Index.cshtml";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.Merge)]
    public Task<IActionResult> Index([FromQuery] Guid[] ids, CancellationToken cancellationToken) => ScreenAsync(ids, cancellationToken);

    /// <summary>
    /// The form sends every candidate (<c>ids</c>), the survivor, <c>choices[field]=customerId</c> for the fields
    /// whose values differ, and <c>versions[customerId]=version</c> as shown.
    /// </summary>
    [HttpPost("")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Merge(Guid survivorId, Guid[] ids, Dictionary<string, Guid>? choices, Dictionary<Guid, long>? versions, CancellationToken cancellationToken)
    {
        var shown = ids.Prepend(survivorId).Distinct().ToList();
        if (await InvalidAsync(() => ScreenAsync(shown, cancellationToken)) is { } invalid)
        {
            return invalid;
        }

        var merged = await merges.MergeAsync(new MergeCommand(survivorId, ids.Where(id => id != survivorId).ToList(), choices, versions), cancellationToken);
        return merged.IsRefused
            ? await RefusedAsync(merged.Refusal, () => ScreenAsync(shown, cancellationToken))
            : Done("/members/duplicates", "Merged into {0}.", merged.Value.Survivor.Code);
    }

    /// <summary>The merge history of a customer: who went into whom, by whom and when, and whose value each field kept.</summary>
    [HttpGet("/members/customers/{id:guid}/merges")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> History(Guid id, [FromServices] MergeQueries queries, CancellationToken cancellationToken) =>
        await queries.HistoryAsync(id, cancellationToken) is { } history
            ? View("~/Web/Views/Merge/History.cshtml", new MergeHistoryPage(id, history))
            : NotFound();

    private async Task<IActionResult> ScreenAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        View(ViewPath, new MergePage(await merges.LoadForScreenAsync(ids, cancellationToken)));
}
