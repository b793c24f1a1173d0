using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.CustomFields;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>The custom fields page: the tenant's fields and a form to add or change one.</summary>
internal sealed record CustomFieldsPage(IReadOnlyList<CustomFieldDefinition> Fields, CustomFieldForm Form)
{
    /// <summary>The form that adds or changes a field.</summary>
    public const string FieldForm = "field";

    /// <summary>The remove buttons of the list; a refused removal is shown above the list.</summary>
    public const string RemoveForm = "remove";
}

internal sealed class CustomFieldForm
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public string? LabelZh { get; set; }

    public CustomFieldType Type { get; set; }

    /// <summary>Choices, one per line.</summary>
    public string? Choices { get; set; }

    public bool Required { get; set; }

    public int Order { get; set; }

    public CustomFieldInput ToInput() => new(Key, Label, LabelZh, Type, (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Required, Order);
}

[Route("members/custom-fields")]
internal sealed class CustomFieldsPageController(CustomFieldService fields) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(MembersPermissions.Configure)]
    public Task<IActionResult> Index(string? edit, CancellationToken cancellationToken) => PageAsync(edit, cancellationToken);

    [HttpPost("")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Save(CustomFieldForm form, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(() => PageAsync(null, cancellationToken), CustomFieldsPage.FieldForm) is { } invalid)
        {
            return invalid;
        }

        var saved = await fields.SaveAsync(form.ToInput(), cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(saved.Refusal, () => PageAsync(null, cancellationToken), CustomFieldsPage.FieldForm)
            : Done("/members/custom-fields", "Saved {0}.", saved.Value.Key);
    }

    [HttpPost("{key}/delete")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken) =>
        await fields.DeleteAsync(key, cancellationToken)
            ? Done("/members/custom-fields", "Removed {0} and its values.", key)
            : await RefusedAsync(MembersRefusals.CustomFieldNotFound, () => PageAsync(null, cancellationToken), CustomFieldsPage.RemoveForm);

    private async Task<IActionResult> PageAsync(string? edit, CancellationToken cancellationToken)
    {
        var all = await fields.ListAsync(cancellationToken);
        var form = all.FirstOrDefault(f => f.Key == edit) is { } field
            ? new CustomFieldForm { Key = field.Key, Label = field.Label, LabelZh = field.LabelZh, Type = field.Type, Choices = string.Join('\n', field.ChoiceList), Required = field.Required, Order = field.Order }
            : new CustomFieldForm { Order = all.Count + 1 };
        return View("Index", new CustomFieldsPage(all, form));
    }
}

internal sealed class CustomFieldsMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.custom-fields", "Customer fields", "/members/custom-fields", 60) { TextZh = "客户字段", Icon = "list-plus", RequiredPermission = MembersPermissions.Configure },
    ];
}
