using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The JSON API of things. A refusal is answered as RFC 9457 problem details with the field at fault under <c>errors</c>.</summary>
[ApiController]
[Route("api/service/things")]
internal sealed class ThingsApiController(ThingService things) : ControllerBase
{
    [HttpGet]
    [RequirePermission(ServicePermissions.View)]
    public Task<IReadOnlyList<ThingDto>> List(CancellationToken cancellationToken) => things.ListAsync(cancellationToken);

    [HttpGet("{id:guid}")]
    [RequirePermission(ServicePermissions.View)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        (await things.FindAsync(id, cancellationToken)).ToActionResult(Ok);

    [HttpPost]
    [RequirePermission(ServicePermissions.Create)]
    public async Task<IActionResult> Create(NewThing request, CancellationToken cancellationToken) =>
        (await things.CreateAsync(request.Name, cancellationToken)).ToActionResult(thing => Created($"/api/service/things/{thing.Id}", thing));
}

/// <summary>The body of <c>POST /api/service/things</c>. The name may be missing: the use case refuses it, not the model binder.</summary>
internal sealed record NewThing(string? Name);
