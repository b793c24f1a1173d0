using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.CustomFields;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The custom fields a tenant adds to its customers.</summary>
[ApiController]
[Route("api/members/custom-fields")]
internal sealed class CustomFieldsApiController(CustomFieldService fields) : ControllerBase
{
    /// <summary>Lists the custom fields defined for customers.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    public Task<IReadOnlyList<CustomFieldDefinition>> List(CancellationToken cancellationToken) => fields.ListAsync(cancellationToken);

    /// <summary>Creates the field with this key, or changes it (its key and type stay).</summary>
    [HttpPut]
    [RequirePermission(MembersPermissions.Configure)]
    [ProducesResponseType<CustomFieldDefinition>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Save(CustomFieldInput request, CancellationToken cancellationToken) =>
        (await fields.SaveAsync(request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Deletes a custom field; the values customers had in it are dropped.</summary>
    [HttpDelete("{key}")]
    [RequirePermission(MembersPermissions.Configure)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken) =>
        await fields.DeleteAsync(key, cancellationToken) ? NoContent() : new RefusalResult(MembersRefusals.CustomFieldNotFound);
}
