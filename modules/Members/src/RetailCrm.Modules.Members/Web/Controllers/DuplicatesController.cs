using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Duplicates;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

internal sealed record DuplicatesPage(PagedResult<DuplicatePair> Pairs, int MinScore, string? Message, string? Error);

/// <summary>The page of likely duplicate pairs: scan now, dismiss a pair, or open the merge screen for it.</summary>
[Route("members/duplicates")]
[AutoValidateAntiforgeryToken]
internal sealed class DuplicatesController(DuplicateQueries duplicates, IStringLocalizer<MembersModule> t) : Controller
{
    private const string MessageKey = "message";
    private const string ErrorKey = "error";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Index(int minScore = 0, int page = 1, CancellationToken cancellationToken = default) =>
        View("~/Web/Views/Duplicates/Index.cshtml", new DuplicatesPage(
            await duplicates.ListAsync(Math.Clamp(minScore, 0, 100), DuplicateStatus.Open, page, 50, cancellationToken),
            minScore, TempData[MessageKey] as string, TempData[ErrorKey] as string));

    [HttpPost("scan")]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Scan([FromServices] DuplicateScanner scanner, CancellationToken cancellationToken)
    {
        var result = await scanner.ScanAsync(cancellationToken);
        TempData[MessageKey] = t["Scanned {0} customers: {1} likely pairs ({2} new, {3} rescored, {4} gone).", result.Customers, result.Pairs, result.Added, result.Updated, result.Removed].Value;
        return Redirect("/members/duplicates");
    }

    [HttpPost("{id:guid}/dismiss")]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Dismiss(Guid id, int minScore = 0, CancellationToken cancellationToken = default)
    {
        if (await duplicates.DismissAsync(id, cancellationToken) != DismissOutcome.Dismissed)
        {
            TempData[ErrorKey] = t["The pair is gone or was merged already."].Value;
        }

        return Redirect($"/members/duplicates?minScore={minScore}");
    }
}
