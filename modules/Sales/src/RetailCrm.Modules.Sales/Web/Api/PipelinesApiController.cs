using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sales.Application.Catalogue;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>The tenant's pipelines and stages (the eight steps by default) and their set-up.</summary>
[ApiController]
[Route("api/sales/pipelines")]
internal sealed class PipelinesApiController(PipelineCatalog catalog, PipelineAdministration administration) : ControllerBase
{
    /// <summary>Every pipeline with its stages in order.</summary>
    [HttpGet]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IReadOnlyList<PipelineDto>> List(CancellationToken cancellationToken) =>
        [.. (await catalog.ListAsync(cancellationToken)).Select(PipelineDto.From)];

    /// <summary>Adds a pipeline with its stages.</summary>
    [HttpPost]
    [RequirePermission(SalesPermissions.Administer)]
    [ProducesResponseType<PipelineDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(NewPipelineRequest request, CancellationToken cancellationToken) =>
        (await administration.CreateAsync(request.Name, request.NameZh, request.Stages, cancellationToken)).ToActionResult(p => Created("/api/sales/pipelines", PipelineDto.From(p)));

    /// <summary>Changes a stage: names, probability, rotting days, the supervisor gate and the exit criteria.</summary>
    [HttpPut("{pipelineId:guid}/stages/{stageId:guid}")]
    [RequirePermission(SalesPermissions.Administer)]
    [ProducesResponseType<StageDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ChangeStage(Guid pipelineId, Guid stageId, StageInput request, CancellationToken cancellationToken) =>
        (await administration.ChangeStageAsync(pipelineId, stageId, request, cancellationToken)).ToActionResult(s => Ok(StageDto.From(s)));
}

/// <summary>The catalogue of products and services that deals' lines are sold from.</summary>
[ApiController]
[Route("api/sales/products")]
internal sealed class CatalogueApiController(ProductCatalogue catalogue) : ControllerBase
{
    /// <summary>The catalogue; only the products on sale unless <c>all</c>.</summary>
    [HttpGet]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IReadOnlyList<ProductDto>> List([FromQuery] bool all, CancellationToken cancellationToken) =>
        [.. (await catalogue.ListAsync(!all, cancellationToken)).Select(ProductDto.From)];

    /// <summary>Adds a product; its code is unique in the catalogue.</summary>
    [HttpPost]
    [RequirePermission(SalesPermissions.Administer)]
    [ProducesResponseType<ProductDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Add(NewProductRequest request, CancellationToken cancellationToken) =>
        (await catalogue.AddAsync(request.Code, request.Name, request.Category, request.UnitPrice, cancellationToken)).ToActionResult(p => Created("/api/sales/products", ProductDto.From(p)));
}
