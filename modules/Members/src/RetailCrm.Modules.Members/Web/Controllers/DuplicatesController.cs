using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Duplicates;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

internal sealed record DuplicatesPage(PagedResult<DuplicatePair> Pairs, int MinScore)
{
    /// <summary>The "not duplicates" buttons; a refused one is shown above the list (its pair is gone).</summary>
    public const string DismissForm = "dismiss";
}

/// <summary>The page of likely duplicate pairs: scan now, dismiss a pair, or open the merge screen for it.</summary>
[Route("members/duplicates")]
internal sealed class DuplicatesController(DuplicateQueries duplicates) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(MembersPermissions.Merge)]
    public Task<IActionResult> Index(int minScore = 0, int page = 1, CancellationToken cancellationToken = default) =>
        PageAsync(minScore, page, cancellationToken);

    [HttpPost("scan")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Scan([FromServices] DuplicateScanner scanner, CancellationToken cancellationToken)
    {
        var result = await scanner.ScanAsync(cancellationToken);
        return Done("/members/duplicates", "Scanned {0} customers: {1} likely pairs ({2} new, {3} rescored, {4} gone).",
            result.Customers, result.Pairs, result.Added, result.Updated, result.Removed);
    }

    [HttpPost("{id:guid}/dismiss")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Dismiss(Guid id, int minScore = 0, CancellationToken cancellationToken = default) =>
        await duplicates.DismissAsync(id, cancellationToken) is { } refusal
            ? await RefusedAsync(refusal, () => PageAsync(minScore, 1, cancellationToken), DuplicatesPage.DismissForm)
            : Redirect($"/members/duplicates?minScore={minScore}");

    private async Task<IActionResult> PageAsync(int minScore, int page, CancellationToken cancellationToken) =>
        View("~/Web/Views/Duplicates/Index.cshtml", new DuplicatesPage(
            await duplicates.ListAsync(Math.Clamp(minScore, 0, 100), DuplicateStatus.Open, page, 50, cancellationToken), minScore));
}
