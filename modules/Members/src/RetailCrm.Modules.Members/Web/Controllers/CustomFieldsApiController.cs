using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

internal sealed record CustomFieldRequest(
    [Required, RegularExpression("^[a-z][a-z0-9_]{0,59}$")] string Key,
    [Required, StringLength(100)] string Label,
    [StringLength(100)] string? LabelZh,
    [Required] CustomFieldType? Type,
    IReadOnlyList<string>? Choices,
    bool Required,
    int Order);

/// <summary>The custom fields a tenant adds to its customers.</summary>
[ApiController]
[Route("api/members/custom-fields")]
internal sealed class CustomFieldsApiController(MembersDbContext db) : ControllerBase
{
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IEnumerable<CustomFieldDefinition>> List(CancellationToken cancellationToken) =>
        await db.CustomFieldDefinitions.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken);

    /// <summary>Creates the field with this key, or changes it (its key and type stay).</summary>
    [HttpPut]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Save(CustomFieldRequest request, CancellationToken cancellationToken)
    {
        var choices = (request.Choices ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (request.Type == CustomFieldType.Choice && choices.Count == 0)
        {
            return MembersProblems.Invalid("choices", "A choice field needs at least one choice.");
        }

        if (choices.Any(c => c.Contains('|', StringComparison.Ordinal)))
        {
            return MembersProblems.Invalid("choices", "A choice cannot contain '|'.");
        }

        var field = await db.CustomFieldDefinitions.FirstOrDefaultAsync(f => f.Key == request.Key, cancellationToken);
        if (field is null)
        {
            field = new CustomFieldDefinition { Id = Guid.NewGuid(), Key = request.Key, Type = request.Type!.Value };
            db.CustomFieldDefinitions.Add(field);
        }
        else if (field.Type != request.Type)
        {
            return MembersProblems.Invalid("type", $"The field '{field.Key}' is a {field.Type} field; its type cannot change.");
        }

        field.Label = request.Label.Trim();
        field.LabelZh = request.LabelZh?.Trim();
        field.Choices = choices.Count == 0 ? null : string.Join('|', choices);
        field.Required = request.Required;
        field.Order = request.Order;
        await db.SaveChangesAsync(cancellationToken);
        return Ok(field);
    }

    [HttpDelete("{key}")]
    [RequirePermission(MembersPermissions.Configure)]
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken)
    {
        var field = await db.CustomFieldDefinitions.FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        if (field is null)
        {
            return MembersProblems.NotFound("custom field");
        }

        db.CustomFieldDefinitions.Remove(field);
        await db.CustomFieldValues.Where(v => v.FieldKey == key).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }
}
