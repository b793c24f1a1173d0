using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>The admin pages of ticket types: the list with a form to add one, and a type with its own fields.</summary>
[Route("service/admin/types")]
[RequirePermission(ServicePermissions.Administer)]
internal sealed class TicketTypePagesController(TicketTypeCatalog catalog, TicketTypeAdministration administration) : CrmPageController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await catalog.ListAsync(cancellationToken));

    [HttpPost("")]
    [PostOnce]
    public async Task<IActionResult> Add(string? key, string? name, string? nameZh, int? followUpAfterDays, CancellationToken cancellationToken)
    {
        var added = await administration.AddAsync(new TicketTypeInput(key, name, nameZh, true, null, followUpAfterDays), cancellationToken);
        return added.IsRefused
            ? await RefusedAsync(added.Refusal, async () => View("Index", await catalog.ListAsync(cancellationToken)), "add")
            : Done($"/service/admin/types/{added.Value.Key}", "Type {0} added.", added.Value.Name);
    }

    [HttpGet("{key}")]
    public Task<IActionResult> Edit(string key, CancellationToken cancellationToken) => EditPageAsync(key, cancellationToken);

    [HttpPost("{key}")]
    [PostOnce]
    public async Task<IActionResult> Change(string key, string? name, string? nameZh, bool isActive, int? order, int? followUpAfterDays, CancellationToken cancellationToken)
    {
        var changed = await administration.ChangeAsync(key, new TicketTypeInput(null, name ?? "", nameZh ?? "", isActive, order, followUpAfterDays, followUpAfterDays is null), cancellationToken);
        return changed.IsRefused
            ? await RefusedAsync(changed.Refusal, () => EditPageAsync(key, cancellationToken), "type")
            : Done($"/service/admin/types/{key}", "Type saved.");
    }

    [HttpPost("{key}/fields")]
    [PostOnce]
    public async Task<IActionResult> AddField(string key, string? fieldKey, string? label, string? labelZh, TicketFieldKind? kind, bool required, string? options, CancellationToken cancellationToken)
    {
        var added = await administration.AddFieldAsync(key, new TicketFieldInput(fieldKey, label, labelZh, kind, required, options), cancellationToken);
        return added.IsRefused
            ? await RefusedAsync(FieldNames(added.Refusal), () => EditPageAsync(key, cancellationToken), "field")
            : Done($"/service/admin/types/{key}", "Field {0} added.", label ?? "");
    }

    [HttpPost("{key}/fields/{fieldKey}/remove")]
    [PostOnce]
    public async Task<IActionResult> RemoveField(string key, string fieldKey, CancellationToken cancellationToken)
    {
        var removed = await administration.RemoveFieldAsync(key, fieldKey, cancellationToken);
        return removed.IsRefused
            ? await RefusedAsync(removed.Refusal, () => EditPageAsync(key, cancellationToken))
            : Done($"/service/admin/types/{key}", "Field removed.");
    }

    private async Task<IActionResult> EditPageAsync(string key, CancellationToken cancellationToken) =>
        await catalog.FindAsync(key, cancellationToken) is { } type ? View("Edit", type) : NotFound();

    /// <summary>The field form names its key input fieldKey (key is the type's, in the route).</summary>
    private static Sdk.Results.Refusal FieldNames(Sdk.Results.Refusal refusal) =>
        refusal with { Fields = refusal.Fields.Select(f => f.Field == "key" ? f with { Field = "fieldKey" } : f).ToList() };
}
