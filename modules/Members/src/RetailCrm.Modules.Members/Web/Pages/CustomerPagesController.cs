using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>The customer pages: list, 360° view, new and edit forms with the duplicate warning.</summary>
[Route("members/customers")]
internal sealed class CustomerPagesController(CustomerService customers, MembersDbContext db) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Index([FromQuery] CustomerQuery query, CancellationToken cancellationToken) =>
        View(new CustomerListPage(query, await customers.SearchAsync(query, cancellationToken)));

    [HttpGet("new")]
    [RequirePermission(MembersPermissions.Create)]
    public Task<IActionResult> New(CustomerKind kind, CancellationToken cancellationToken) => NewFormAsync(kind, [], cancellationToken);

    /// <summary>Creates the customer; likely duplicates show the form again with them and a "save anyway" button.</summary>
    [HttpPost("new")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Create)]
    public async Task<IActionResult> Create(CustomerForm form, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(() => NewFormAsync(form.Kind, [], cancellationToken)) is { } invalid)
        {
            return invalid;
        }

        var input = await ToInputAsync(form, cancellationToken);
        var saved = input.IsRefused ? input.Refusal : await customers.CreateAsync(input.Value, form.KeepDespiteDuplicates, cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(CustomerForm.OnForm(saved.Refusal), () => NewFormAsync(form.Kind, CustomerService.CandidatesOf(saved.Refusal), cancellationToken))
            : Done($"/members/customers/{saved.Value.Customer.Id}", "Created {0}.", saved.Value.Customer.Code);
    }

    /// <summary>The 360° page: header, summary tiles, the timeline of every module (one page of it, before <paramref name="before"/>) and the sections.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Details(
        Guid id,
        [FromQuery] DateTime? before,
        [FromQuery] string? module,
        [FromServices] CustomerProfileReader profile,
        CancellationToken cancellationToken)
    {
        var page = await profile.ReadAsync(id, before, module, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:guid}/edit")]
    [RequirePermission(MembersPermissions.Edit)]
    public Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) => EditFormAsync(id, cancellationToken);

    [HttpPost("{id:guid}/edit")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Edit)]
    public async Task<IActionResult> Update(Guid id, CustomerForm form, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(() => EditFormAsync(id, cancellationToken)) is { } invalid)
        {
            return invalid;
        }

        var input = await ToInputAsync(form, cancellationToken);
        var saved = input.IsRefused ? input.Refusal : await customers.UpdateAsync(id, input.Value, form.Version, cancellationToken);
        if (saved.IsRefused)
        {
            return saved.Refusal.Kind == RefusalKind.NotFound
                ? NotFound()
                : await RefusedAsync(CustomerForm.OnForm(saved.Refusal), () => EditFormAsync(id, cancellationToken));
        }

        return saved.Value.PendingChangeRequestId is null
            ? Done($"/members/customers/{id}", "Saved.")
            : Done($"/members/customers/{id}", "Your change waits for review and approval; the record is unchanged until then.");
    }

    [HttpPost("{id:guid}/delete")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Delete)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await customers.DeleteAsync(id, cancellationToken) ? Done("/members/customers", "Deleted.") : NotFound();

    /// <summary>The form's input, or what in it cannot be read (dates, amounts, lines, an unknown parent code).</summary>
    private async Task<Result<CustomerInput>> ToInputAsync(CustomerForm form, CancellationToken cancellationToken)
    {
        Guid? parentId = null;
        var unknownParent = false;
        if (!string.IsNullOrWhiteSpace(form.ParentCode))
        {
            parentId = await customers.FindIdByCodeAsync(form.ParentCode, cancellationToken);
            unknownParent = parentId is null;
        }

        var (input, errors) = form.ToInput(parentId);
        if (unknownParent)
        {
            errors.Add("parentId", "No customer has the code '{0}'.", form.ParentCode!.Trim());
        }

        return errors.Count == 0 ? input : MembersRefusals.Invalid("The customer is not valid", errors);
    }

    private async Task<IActionResult> NewFormAsync(CustomerKind kind, IReadOnlyList<DuplicateMatch> duplicates, CancellationToken cancellationToken) =>
        View("Edit", new CustomerFormPage(null, new CustomerForm { Kind = kind }, duplicates, await CustomFieldsAsync(cancellationToken)));

    private async Task<IActionResult> EditFormAsync(Guid id, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken) is { } customer
            ? View("Edit", new CustomerFormPage(
                id, CustomerForm.From(customer, (await customers.GetRelationsAsync(id, cancellationToken)).Parent?.Code), [], await CustomFieldsAsync(cancellationToken)))
            : NotFound();

    private async Task<IReadOnlyList<CustomFieldDefinition>> CustomFieldsAsync(CancellationToken cancellationToken) =>
        await db.Set<CustomFieldDefinition>().AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken);
}
