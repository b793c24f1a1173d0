using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.CustomFields;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>The custom fields page: the tenant's fields and a form to add or change one.</summary>
internal sealed record CustomFieldsPage(IReadOnlyList<CustomFieldDefinition> Fields, CustomFieldForm Form, FieldErrors Errors, string? Message);

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
[AutoValidateAntiforgeryToken]
internal sealed class CustomFieldsPageController(CustomFieldService fields) : Controller
{
    private const string MessageKey = "members.message";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Index(string? edit, CancellationToken cancellationToken)
    {
        var all = await fields.ListAsync(cancellationToken);
        var form = all.FirstOrDefault(f => f.Key == edit) is { } field
            ? new CustomFieldForm { Key = field.Key, Label = field.Label, LabelZh = field.LabelZh, Type = field.Type, Choices = string.Join('\n', field.ChoiceList), Required = field.Required, Order = field.Order }
            : new CustomFieldForm { Order = all.Count + 1 };
        return View(new CustomFieldsPage(all, form, new FieldErrors(), TempData[MessageKey] as string));
    }

    [HttpPost("")]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Save(CustomFieldForm form, CancellationToken cancellationToken)
    {
        var (field, errors) = await fields.SaveAsync(form.ToInput(), cancellationToken);
        if (field is null)
        {
            Response.StatusCode = 400;
            return View("Index", new CustomFieldsPage(await fields.ListAsync(cancellationToken), form, errors, null));
        }

        TempData[MessageKey] = $"Saved {field.Key}.";
        return Redirect("/members/custom-fields");
    }

    [HttpPost("{key}/delete")]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken)
    {
        TempData[MessageKey] = await fields.DeleteAsync(key, cancellationToken) ? $"Removed {key} and its values." : $"No field {key}.";
        return Redirect("/members/custom-fields");
    }
}

internal sealed class CustomFieldsMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.custom-fields", "Customer fields", "/members/custom-fields", 60) { TextZh = "客户字段", RequiredPermission = MembersPermissions.Configure },
    ];
}
