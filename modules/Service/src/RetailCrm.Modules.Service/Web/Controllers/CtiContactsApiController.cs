using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>A caller the screen pop did not know, as the agent typed them in; <c>callId</c> is the call record's id.</summary>
internal sealed record NewContactRequest(string? DisplayName, string? Phone, string? Email, Guid? CallId, bool KeepDespiteDuplicates = false);

/// <summary>The registered customer and where the agent opens the ticket for the call.</summary>
internal sealed record NewContactDto(Guid CustomerId, string Code, string OpenTicketUrl);

/// <summary>The screen pop's quick registration of an unknown caller, with the members' duplicate check.</summary>
[ApiController]
[Route("api/service/contacts")]
internal sealed class CtiContactsApiController(ICustomerRegistration registration) : ControllerBase
{
    /// <summary>Registers the caller as a customer; 409 with <c>duplicates</c> when one looks the same, unless <c>keepDespiteDuplicates</c>.</summary>
    [HttpPost]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<NewContactDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(NewContactRequest request, CancellationToken cancellationToken) =>
        (await registration.RegisterAsync(new NewCustomerContact(request.DisplayName, request.Phone, request.Email), request.KeepDespiteDuplicates, cancellationToken))
            .ToActionResult(c => Created($"/members/customers/{c.Id}", new NewContactDto(
                c.Id,
                c.Code,
                request.CallId is { } call ? ScreenPopBuilder.OpenTicketUrl(c.Id, call) : $"/service/tickets/new?customerId={c.Id}&channel=Phone")));
}
