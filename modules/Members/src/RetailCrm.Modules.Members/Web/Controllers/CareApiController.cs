using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

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
    public async Task<IActionResult> Get(int? days, Guid? unitId, CancellationToken cancellationToken)
    {
        var window = await care.DaysAsync(days, cancellationToken);
        return window.IsRefused ? new RefusalResult(window.Refusal) : Ok(await care.GetAsync(window.Value, unitId, cancellationToken));
    }
}
