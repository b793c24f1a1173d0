using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>A customer to create or change, with the version read (for changes) and whether to keep it despite likely duplicates.</summary>
internal sealed record SaveCustomerRequest(CustomerInput Customer, long? Version, bool KeepDespiteDuplicates = false);

/// <summary>The customer master: search, read, create (with duplicate check), change (with approval when on), delete.</summary>
[ApiController]
[Route("api/members/customers")]
internal sealed class CustomersApiController(CustomerService customers) : ControllerBase
{
    /// <summary>Searches by code, name, phone, e-mail, identity number, custom field value or another module's key (card number).</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    public Task<PagedResult<CustomerListItem>> Search([FromQuery] CustomerQuery query, CancellationToken cancellationToken) =>
        customers.SearchAsync(query, cancellationToken);

    /// <summary>Reads a customer: the profile, contact details, lifecycle class and the version to send back when changing it.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<CustomerDetails>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken) is { } customer ? Ok(customer) : new RefusalResult(MembersRefusals.CustomerNotFound);

    /// <summary>
    /// The customer's timeline: what every module the tenant has on knows happened (cards sold, payments, changes,
    /// merges), newest first; <c>before</c> (UTC) pages back, <c>module</c> keeps one module's entries. Amounts in minor units.
    /// </summary>
    [HttpGet("{id:guid}/timeline")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<TimelinePage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Timeline(
        Guid id, DateTime? before, int? max, string? module, [FromServices] ICustomerTimeline timeline, CancellationToken cancellationToken)
    {
        if (!await customers.ExistsAsync(id, cancellationToken))
        {
            return new RefusalResult(MembersRefusals.CustomerNotFound);
        }

        var query = new TimelineQuery(id, before?.ToUniversalTime(), max ?? TimelineQuery.DefaultEntries) { Module = string.IsNullOrWhiteSpace(module) ? null : module.Trim() };
        return Ok(await timeline.GetAsync(query, cancellationToken));
    }

    /// <summary>Lists the existing customers that are probably the one entered, before it is saved.</summary>
    [HttpPost("duplicate-check")]
    [RequirePermission(MembersPermissions.View)]
    public Task<IReadOnlyList<DuplicateMatch>> CheckDuplicates(CustomerInput customer, Guid? excludeId, CancellationToken cancellationToken) =>
        customers.CheckDuplicatesAsync(customer, excludeId, cancellationToken);

    /// <summary>Creates a customer. 409 with the candidates when likely duplicates exist, unless keepDespiteDuplicates.</summary>
    [HttpPost]
    [RequirePermission(MembersPermissions.Create)]
    [ProducesResponseType<CustomerDetails>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Create(SaveCustomerRequest request, CancellationToken cancellationToken) =>
        (await customers.CreateAsync(request.Customer, request.KeepDespiteDuplicates, cancellationToken))
            .ToActionResult(saved => Created($"/api/members/customers/{saved.Customer.Id}", saved.Customer));

    /// <summary>Changes a customer; <c>version</c> must be the one read. 202 with the change request when approval is on.</summary>
    [HttpPut("{id:guid}")]
    [RequirePermission(MembersPermissions.Edit)]
    [ProducesResponseType<CustomerDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Update(Guid id, SaveCustomerRequest request, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return new RefusalResult(Refusal.Invalid(MembersRefusals.InvalidCode, "version", "Send the version of the customer you read, so that no one else's change is overwritten."));
        }

        return (await customers.UpdateAsync(id, request.Customer, version, cancellationToken)).ToActionResult(saved => saved.PendingChangeRequestId is { } requestId
            ? Accepted($"/api/members/change-requests/{requestId}", new { changeRequestId = requestId, status = "PendingReview" })
            : Ok(saved.Customer));
    }

    /// <summary>Deletes a customer: it is marked Deleted and leaves the lists; the record stays.</summary>
    [HttpDelete("{id:guid}")]
    [RequirePermission(MembersPermissions.Delete)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await customers.DeleteAsync(id, cancellationToken) ? NoContent() : new RefusalResult(MembersRefusals.CustomerNotFound);
}
