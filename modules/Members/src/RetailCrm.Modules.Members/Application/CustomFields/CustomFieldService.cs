using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.CustomFields;

/// <summary>A custom field as a tenant admin defines it.</summary>
internal sealed record CustomFieldInput(string? Key, string? Label, string? LabelZh, CustomFieldType? Type, IReadOnlyList<string>? Choices, bool Required, int Order);

/// <summary>The fields a tenant adds to its customers: define, change (not key or type), remove with their values.</summary>
internal sealed partial class CustomFieldService(MembersDbContext db)
{
    public async Task<IReadOnlyList<CustomFieldDefinition>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<CustomFieldDefinition>().AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken);

    /// <summary>Creates the field with this key or changes it; nothing is stored when there are errors.</summary>
    public async Task<Result<CustomFieldDefinition>> SaveAsync(CustomFieldInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldRefusal>();
        var key = input.Key?.Trim() ?? "";
        if (!KeyPattern().IsMatch(key))
        {
            errors.Add("key", "The key is lower-case letters, digits and '_', starting with a letter (e.g. shoe_size).");
        }

        if (string.IsNullOrWhiteSpace(input.Label) || input.Label.Trim().Length > 100)
        {
            errors.Add("label", "The label is 1 to 100 characters.");
        }

        if (input.Type is not { } type)
        {
            errors.Add("type", "Choose the type: Text, Number, Date or Choice.");
            return Invalid(errors);
        }

        var choices = (input.Choices ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (type == CustomFieldType.Choice && choices.Count == 0)
        {
            errors.Add("choices", "A choice field needs at least one choice.");
        }

        if (choices.Any(c => c.Contains('|', StringComparison.Ordinal)))
        {
            errors.Add("choices", "A choice cannot contain '|'.");
        }

        var field = errors.Count == 0 ? await db.Set<CustomFieldDefinition>().FirstOrDefaultAsync(f => f.Key == key, cancellationToken) : null;
        if (field is not null && field.Type != type)
        {
            errors.Add("type", "The field '{0}' is a {1} field; its type cannot change.", field.Key, field.Type);
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (field is null)
        {
            field = new CustomFieldDefinition { Id = Guid.NewGuid(), Key = key, Type = type };
            db.Set<CustomFieldDefinition>().Add(field);
        }

        field.Label = input.Label!.Trim();
        field.LabelZh = string.IsNullOrWhiteSpace(input.LabelZh) ? null : input.LabelZh.Trim();
        field.Choices = choices.Count == 0 ? null : string.Join('|', choices);
        field.Required = input.Required;
        field.Order = input.Order;
        await db.SaveChangesAsync(cancellationToken);
        return field;
    }

    /// <summary>Removes the field and every customer's value of it; false when there is no such field.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var field = await db.Set<CustomFieldDefinition>().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        if (field is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<CustomFieldDefinition>().Remove(field);
        await db.Set<CustomerFieldValue>().Where(v => v.FieldKey == key).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Refusal Invalid(IReadOnlyList<FieldRefusal> errors) => MembersRefusals.Invalid("The custom field is not valid", errors);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,59}$")]
    private static partial Regex KeyPattern();
}
