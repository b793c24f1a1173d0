using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>The customer pages: list, 360° view, new and edit forms with the duplicate warning.</summary>
[Route("members/customers")]
[AutoValidateAntiforgeryToken]
internal sealed class CustomerPagesController(CustomerService customers, MembersDbContext db) : Controller
{
    private const string MessageKey = "members.message";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Index([FromQuery] CustomerQuery query, CancellationToken cancellationToken) =>
        View(new CustomerListPage(query, await customers.SearchAsync(query, cancellationToken)));

    [HttpGet("new")]
    [RequirePermission(MembersPermissions.Create)]
    public async Task<IActionResult> New(CustomerKind kind, CancellationToken cancellationToken) =>
        View("Edit", new CustomerFormPage(null, new CustomerForm { Kind = kind }, new FieldErrors(), [], await CustomFieldsAsync(cancellationToken), null));

    [HttpPost("new")]
    [RequirePermission(MembersPermissions.Create)]
    public async Task<IActionResult> Create(CustomerForm form, CancellationToken cancellationToken)
    {
        var (input, errors) = await ToInputAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return await FormAsync(null, form, errors, [], cancellationToken);
        }

        switch (await customers.CreateAsync(input, form.KeepDespiteDuplicates, cancellationToken))
        {
            case SaveOutcome.Saved saved:
                TempData[MessageKey] = $"Created {saved.Customer.Code}.";
                return Redirect($"/members/customers/{saved.Customer.Id}");
            case SaveOutcome.DuplicatesFound duplicates:
                return await FormAsync(null, form, new FieldErrors(), duplicates.Candidates, cancellationToken);
            case SaveOutcome.Invalid invalid:
                return await FormAsync(null, form, invalid.Errors, [], cancellationToken);
            default:
                return BadRequest();
        }
    }

    [HttpGet("{id:guid}")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Details(
        Guid id,
        [FromServices] IProfileSectionProvider sections,
        [FromServices] Application.Approval.ChangeRequestQueries changeRequests,
        [FromServices] Application.Purchases.PurchaseQueries purchases,
        [FromServices] Application.Lifecycle.LifecycleService lifecycle,
        CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        return View(new CustomerDetailsPage(
            customer,
            await customers.GetRelationsAsync(id, cancellationToken),
            await changeRequests.PendingForCustomerAsync(id, cancellationToken),
            (await purchases.ForCustomerAsync(id, 1, 10, cancellationToken))?.Items ?? [],
            await lifecycle.HistoryAsync(id, cancellationToken) ?? [],
            await sections.GetSectionsAsync(id, cancellationToken),
            await CustomFieldsAsync(cancellationToken),
            TempData[MessageKey] as string));
    }

    [HttpGet("{id:guid}/edit")]
    [RequirePermission(MembersPermissions.Edit)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken) is { } customer
            ? await FormAsync(id, CustomerForm.From(customer, (await customers.GetRelationsAsync(id, cancellationToken)).Parent?.Code), new FieldErrors(), [], cancellationToken)
            : NotFound();

    [HttpPost("{id:guid}/edit")]
    [RequirePermission(MembersPermissions.Edit)]
    public async Task<IActionResult> Update(Guid id, CustomerForm form, CancellationToken cancellationToken)
    {
        var (input, errors) = await ToInputAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return await FormAsync(id, form, errors, [], cancellationToken);
        }

        switch (await customers.UpdateAsync(id, input, form.Version, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData[MessageKey] = "Saved.";
                return Redirect($"/members/customers/{id}");
            case SaveOutcome.PendingApproval:
                TempData[MessageKey] = "Your change waits for review and approval; the record is unchanged until then.";
                return Redirect($"/members/customers/{id}");
            case SaveOutcome.Invalid invalid:
                return await FormAsync(id, form, invalid.Errors, [], cancellationToken);
            case SaveOutcome.Conflict:
                var conflict = new FieldErrors { { "version", "Someone changed this customer meanwhile. Open it again and repeat your change." } };
                return await FormAsync(id, form, conflict, [], cancellationToken);
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:guid}/delete")]
    [RequirePermission(MembersPermissions.Delete)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        TempData[MessageKey] = await customers.DeleteAsync(id, cancellationToken) ? "Deleted." : "Not found.";
        return Redirect("/members/customers");
    }

    private async Task<(CustomerInput Input, FieldErrors Errors)> ToInputAsync(CustomerForm form, CancellationToken cancellationToken)
    {
        Guid? parentId = null;
        string? parentError = null;
        if (!string.IsNullOrWhiteSpace(form.ParentCode))
        {
            parentId = await customers.FindIdByCodeAsync(form.ParentCode, cancellationToken);
            parentError = parentId is null ? $"No customer has the code '{form.ParentCode.Trim()}'." : null;
        }

        var (input, errors) = form.ToInput(parentId);
        if (parentError is not null)
        {
            errors.Add("parentId", parentError);
        }

        return (input, errors);
    }

    private async Task<IActionResult> FormAsync(Guid? id, CustomerForm form, FieldErrors errors, IReadOnlyList<DuplicateMatch> duplicates, CancellationToken cancellationToken)
    {
        if (errors.Count > 0 || duplicates.Count > 0)
        {
            Response.StatusCode = errors.Count > 0 ? 400 : 409;
        }

        return View("Edit", new CustomerFormPage(id, form, errors, duplicates, await CustomFieldsAsync(cancellationToken), null));
    }

    private async Task<IReadOnlyList<CustomFieldDefinition>> CustomFieldsAsync(CancellationToken cancellationToken) =>
        await db.CustomFieldDefinitions.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken);
}
