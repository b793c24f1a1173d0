using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>A ticket type as an admin adds or changes it; null leaves a value as it is on a change.</summary>
internal sealed record TicketTypeInput(string? Key, string? Name, string? NameZh, bool? IsActive, int? Order, int? FollowUpAfterDays, bool ClearFollowUp = false);

/// <summary>A field an admin adds to a type.</summary>
internal sealed record TicketFieldInput(string? Key, string? Label, string? LabelZh, TicketFieldKind? Kind, bool Required, string? Options);

/// <summary>The tenant's ticket types as admins keep them: add, rename, switch off, follow-up days, own fields.</summary>
internal sealed partial class TicketTypeAdministration(ServiceDbContext db, TicketTypeCatalog catalog)
{
    public const int MaxFields = 20;

    public async Task<Result<TicketType>> AddAsync(TicketTypeInput input, CancellationToken cancellationToken)
    {
        await catalog.ListAsync(cancellationToken);
        var errors = Check(input, isNew: true);
        var key = input.Key?.Trim().ToLowerInvariant() ?? "";
        if (errors.Count == 0 && await db.Set<TicketType>().AnyAsync(t => t.Key == key, cancellationToken))
        {
            errors.Add(new FieldRefusal("key", LocalizableText.Of("There is a type '{0}' already.", key)));
        }

        if (errors.Count > 0)
        {
            return TicketRefusals.Invalid(errors);
        }

        var order = input.Order ?? (await db.Set<TicketType>().MaxAsync(t => (int?)t.Order, cancellationToken) ?? 0) + 10;
        var type = TicketType.Create(key, input.Name!.Trim(), input.NameZh?.Trim() ?? "", order, null, input.FollowUpAfterDays);
        type.IsActive = input.IsActive ?? true;
        db.Set<TicketType>().Add(type);
        await db.SaveChangesAsync(cancellationToken);
        return type;
    }

    public Task<Result<TicketType>> ChangeAsync(string key, TicketTypeInput input, CancellationToken cancellationToken) =>
        WithTypeAsync(key, type =>
        {
            var errors = Check(input, isNew: false);
            if (errors.Count > 0)
            {
                return TicketRefusals.Invalid(errors);
            }

            if (input.Name is not null)
            {
                type.Name = input.Name.Trim();
            }

            if (input.NameZh is not null)
            {
                type.NameZh = input.NameZh.Trim();
            }

            type.IsActive = input.IsActive ?? type.IsActive;
            type.Order = input.Order ?? type.Order;
            type.FollowUpAfterDays = input.ClearFollowUp ? null : input.FollowUpAfterDays ?? type.FollowUpAfterDays;
            return type;
        }, cancellationToken);

    public Task<Result<TicketType>> AddFieldAsync(string key, TicketFieldInput input, CancellationToken cancellationToken) =>
        WithTypeAsync(key, type =>
        {
            var errors = new List<FieldRefusal>();
            var fieldKey = input.Key?.Trim() ?? "";
            if (!KeyPattern().IsMatch(fieldKey))
            {
                errors.Add(new FieldRefusal("key", LocalizableText.Of("A key is 1 to 40 letters, digits or - (starting with a letter), e.g. deliveryDate.")));
            }
            else if (type.Fields.Any(f => string.Equals(f.Key, fieldKey, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new FieldRefusal("key", LocalizableText.Of("The type has a field '{0}' already.", fieldKey)));
            }

            if (string.IsNullOrWhiteSpace(input.Label) || input.Label.Trim().Length > 80)
            {
                errors.Add(new FieldRefusal("label", LocalizableText.Of("Give the field a label of 1 to {0} characters.", 80)));
            }

            if (input.Kind is null)
            {
                errors.Add(new FieldRefusal("kind", LocalizableText.Of("Choose the kind of field.")));
            }

            var options = (input.Options ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (input.Kind == TicketFieldKind.Select && options.Count is 0 or > 50)
            {
                errors.Add(new FieldRefusal("options", LocalizableText.Of("A choice field lists 1 to 50 choices, comma-separated.")));
            }

            if (type.Fields.Count >= MaxFields)
            {
                errors.Add(new FieldRefusal("key", LocalizableText.Of("A type has at most {0} fields.", MaxFields)));
            }

            if (errors.Count > 0)
            {
                return TicketRefusals.Invalid(errors);
            }

            type.Fields = [.. type.Fields, new TicketFieldDefinition(fieldKey, input.Label!.Trim(), input.LabelZh?.Trim() ?? "", input.Kind!.Value, input.Required)
            {
                Options = input.Kind == TicketFieldKind.Select ? options : [],
            }];
            return type;
        }, cancellationToken);

    public Task<Result<TicketType>> RemoveFieldAsync(string key, string fieldKey, CancellationToken cancellationToken) =>
        WithTypeAsync(key, type =>
        {
            if (type.Fields.All(f => f.Key != fieldKey))
            {
                return Refusal.NotFound("service/field-not-found", "The type has no field '{0}'.", fieldKey);
            }

            type.Fields = type.Fields.Where(f => f.Key != fieldKey).ToList();
            return type;
        }, cancellationToken);

    private async Task<Result<TicketType>> WithTypeAsync(string key, Func<TicketType, Result<TicketType>> change, CancellationToken cancellationToken)
    {
        await catalog.ListAsync(cancellationToken);
        var type = await db.Set<TicketType>().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (type is null)
        {
            return Refusal.NotFound("service/type-not-found", "There is no ticket type '{0}'.", key);
        }

        var changed = change(type);
        if (changed.IsRefused)
        {
            db.ChangeTracker.Clear();
            return changed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private static List<FieldRefusal> Check(TicketTypeInput input, bool isNew)
    {
        var errors = new List<FieldRefusal>();
        if (isNew && !KeyPattern().IsMatch(input.Key?.Trim() ?? ""))
        {
            errors.Add(new FieldRefusal("key", LocalizableText.Of("A key is 1 to 40 letters, digits or - (starting with a letter), e.g. deliveryDate.")));
        }

        if ((isNew || input.Name is not null) && (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > TicketType.MaxNameLength))
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give the type a name of 1 to {0} characters.", TicketType.MaxNameLength)));
        }

        if (input.NameZh is { Length: > TicketType.MaxNameLength })
        {
            errors.Add(new FieldRefusal("nameZh", LocalizableText.Of("Give the type a name of 1 to {0} characters.", TicketType.MaxNameLength)));
        }

        if (input.FollowUpAfterDays is < 1 or > 365)
        {
            errors.Add(new FieldRefusal("followUpAfterDays", LocalizableText.Of("A follow-up comes 1 to 365 days after closing.")));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();
}
