using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>Care list (客户关怀): birthdays and anniversaries coming up.</summary>
[ApiController]
[Route("api/members/care")]
internal sealed class CareApiController(CareList care) : ControllerBase
{
    /// <summary>Occasions in the next <c>days</c> (default: setting members.care.days), optionally of one store (unitId), soonest first.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<CareListResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(int? days, Guid? unitId, CancellationToken cancellationToken) =>
        await care.DaysAsync(days, cancellationToken) is { } window
            ? Ok(await care.GetAsync(window, unitId, cancellationToken))
            : MembersProblems.Invalid("days", $"Days must be between 0 and {CareList.MaxDays}.");
}
