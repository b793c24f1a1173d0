using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Merging;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The merge screen: the candidates side by side, the first one the proposed survivor.</summary>
internal sealed record MergePage(IReadOnlyList<Customer> Customers, string? Error);

/// <summary>The merge screen: pick the survivor and, per field, whose value to keep; confirm.</summary>
[Route("members/merge")]
[AutoValidateAntiforgeryToken]
internal sealed class MergeController(MergeService merges, IStringLocalizer<MembersModule> t) : Controller
{
    private const string ViewPath = "~/Web/Views/Merge/Index.cshtml";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Index([FromQuery] Guid[] ids, CancellationToken cancellationToken) =>
        View(ViewPath, new MergePage(await merges.LoadForScreenAsync(ids, cancellationToken), null));

    /// <summary>
    /// The form sends every candidate (<c>ids</c>), the survivor, <c>choices[field]=customerId</c> for the fields
    /// whose values differ, and <c>versions[customerId]=version</c> as shown.
    /// </summary>
    [HttpPost("")]
    [RequirePermission(MembersPermissions.Merge)]
    public async Task<IActionResult> Merge(Guid survivorId, Guid[] ids, Dictionary<string, Guid>? choices, Dictionary<Guid, long>? versions, CancellationToken cancellationToken)
    {
        var outcome = await merges.MergeAsync(new MergeCommand(survivorId, ids.Where(id => id != survivorId).ToList(), choices, versions), cancellationToken);
        if (outcome is MergeOutcome.Merged merged)
        {
            TempData["message"] = t["Merged into {0}.", merged.Survivor.Code].Value;
            return Redirect("/members/duplicates");
        }

        var error = outcome switch
        {
            MergeOutcome.Invalid invalid => t[invalid.Message].Value,
            MergeOutcome.NotActive => t["A customer was merged or deleted already."].Value,
            MergeOutcome.Conflict => t["A customer was changed meanwhile. Check the values again and confirm."].Value,
            _ => t["A customer does not exist or is outside your data scope."].Value,
        };
        Response.StatusCode = outcome is MergeOutcome.Invalid ? 400 : 409;
        return View(ViewPath, new MergePage(await merges.LoadForScreenAsync(ids.Prepend(survivorId).Distinct().ToList(), cancellationToken), error));
    }
}
