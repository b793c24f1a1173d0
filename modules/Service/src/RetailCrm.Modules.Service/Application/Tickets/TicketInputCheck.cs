using System.Globalization;
using System.Net.Mail;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>A new ticket's input as checked: its type, its customer (if any), the contact's E.164 phone and the type's field values.</summary>
internal sealed record CheckedTicket(TicketType Type, CustomerSummary? Customer, string? Phone, Dictionary<string, string> Fields);

/// <summary>Checks what opens or changes a ticket and answers every field at fault at once.</summary>
internal sealed class TicketInputCheck(TicketTypeCatalog types, ICustomerLookup customers, IPhoneNumbers phones, IUserDirectory users, IOrganizationUnits units)
{
    public const int MaxTags = 10;

    public async Task<Result<CheckedTicket>> CheckNewAsync(NewTicket input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldRefusal>();
        var subject = Clean(input.Subject);
        if (subject is null || subject.Length > Ticket.MaxSubjectLength)
        {
            errors.Add(Field("subject", "Give the ticket a subject of 1 to {0} characters.", Ticket.MaxSubjectLength));
        }

        if (input.Body is { Length: > TicketEntry.MaxBodyLength })
        {
            errors.Add(Field("body", "Write at most {0} characters.", TicketEntry.MaxBodyLength));
        }

        var type = await types.FindAsync(Clean(input.Type) ?? TicketTypeKeys.Inquiry, cancellationToken);
        if (type is null || !type.IsActive)
        {
            errors.Add(Field("type", "There is no ticket type '{0}'.", input.Type ?? ""));
        }

        CustomerSummary? customer = null;
        if (input.CustomerId is { } customerId && (customer = await customers.FindAsync(customerId, cancellationToken)) is null)
        {
            errors.Add(Field("customerId", "There is no customer {0} you may see.", customerId));
        }

        string? phone = null;
        if (Clean(input.ContactPhone) is { } typedPhone && (phone = await phones.ToE164Async(typedPhone, cancellationToken)) is null)
        {
            errors.Add(Field("contactPhone", "'{0}' is not a valid phone number.", typedPhone));
        }

        if (Clean(input.ContactEmail) is { } email && !IsEmail(email))
        {
            errors.Add(Field("contactEmail", "'{0}' is not an e-mail address.", email));
        }

        if (input.CustomerId is null && Clean(input.ContactName) is null && Clean(input.ContactPhone) is null && Clean(input.ContactEmail) is null)
        {
            errors.Add(Field("customerId", "Choose the customer, or give the contact's name, phone or e-mail."));
        }

        if (input.ContactName is { Length: > Ticket.MaxContactLength })
        {
            errors.Add(Field("contactName", "A name has at most {0} characters.", Ticket.MaxContactLength));
        }

        CheckDetails(input.Category, input.Tags, input.Language, errors);
        if (await CheckAssigneeAsync(input.AssigneeUserId, input.TeamUnitId, cancellationToken) is { } assignment)
        {
            errors.AddRange(assignment.Fields);
        }

        var fields = type is null ? [] : CheckFields(type, input.Fields, errors);
        return errors.Count > 0 ? TicketRefusals.Invalid(errors) : new CheckedTicket(type!, customer, phone, fields);
    }

    /// <summary>The type key (null: unchanged) and field values (null: unchanged) of a change of details, or the fields at fault.</summary>
    public async Task<Result<(string? TypeKey, Dictionary<string, string>? Fields)>> CheckEditAsync(Ticket ticket, TicketEdit edit, CancellationToken cancellationToken)
    {
        var errors = new List<FieldRefusal>();
        if (edit.Subject is not null && (Clean(edit.Subject) is not { Length: <= Ticket.MaxSubjectLength }))
        {
            errors.Add(Field("subject", "Give the ticket a subject of 1 to {0} characters.", Ticket.MaxSubjectLength));
        }

        var type = await types.FindAsync(Clean(edit.Type) ?? ticket.TypeKey, cancellationToken);
        if (type is null || (!type.IsActive && type.Key != ticket.TypeKey))
        {
            errors.Add(Field("type", "There is no ticket type '{0}'.", edit.Type ?? ""));
        }

        CheckDetails(edit.Category, edit.Tags, null, errors);
        Dictionary<string, string>? fields = null;
        if (type is not null && (edit.Fields is not null || type.Key != ticket.TypeKey))
        {
            fields = CheckFields(type, edit.Fields ?? ticket.FieldValues.ToDictionary(f => f.Key, f => (string?)f.Value), errors);
        }

        return errors.Count > 0
            ? TicketRefusals.Invalid(errors)
            : (type!.Key == ticket.TypeKey ? null : type.Key, fields);
    }

    /// <summary>Null when the agent is an active user (or none) and the team an organization unit (or none); else the refusal at the field.</summary>
    public async Task<Refusal?> CheckAssigneeAsync(Guid? agent, Guid? team, CancellationToken cancellationToken)
    {
        var errors = new List<FieldRefusal>();
        if (agent is { } agentId && await users.FindAsync(agentId, cancellationToken) is null)
        {
            errors.Add(Field("assigneeUserId", "There is no active user {0}.", agentId));
        }

        if (team is { } teamId && await units.FindAsync(teamId, cancellationToken) is null)
        {
            errors.Add(Field("teamUnitId", "There is no team (organization unit) {0}.", teamId));
        }

        return errors.Count > 0 ? TicketRefusals.Invalid(errors) : null;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string NormalizeTags(string? tags) =>
        string.Join(',', (tags ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().Take(MaxTags));

    public static string LanguageOf(string? language) =>
        string.Equals(Clean(language), "zh-CN", StringComparison.OrdinalIgnoreCase) || Clean(language)?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh-CN" : "en";

    public static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static void CheckDetails(string? category, string? tags, string? language, List<FieldRefusal> errors)
    {
        if (category is { Length: > Ticket.MaxCategoryLength })
        {
            errors.Add(Field("category", "A category has at most {0} characters.", Ticket.MaxCategoryLength));
        }

        if (tags is not null && NormalizeTags(tags).Length > Ticket.MaxTagsLength)
        {
            errors.Add(Field("tags", "Tags have at most {0} characters together.", Ticket.MaxTagsLength));
        }

        if (Clean(language) is { } lang && lang is not ("en" or "zh-CN" or "zh"))
        {
            errors.Add(Field("language", "The language is en or zh-CN."));
        }
    }

    private static Dictionary<string, string> CheckFields(TicketType type, IReadOnlyDictionary<string, string?>? values, List<FieldRefusal> errors)
    {
        var result = new Dictionary<string, string>();
        // The field's label goes into the message as typed by the tenant, in the language of the page that shows it.
        var chinese = ReaderLanguage.IsChinese;
        foreach (var field in type.Fields)
        {
            var label = field.DisplayLabel(chinese);
            var value = values is not null && values.TryGetValue(field.Key, out var typed) ? Clean(typed) : null;
            var name = "fields." + field.Key;
            if (value is null)
            {
                if (field.Required)
                {
                    errors.Add(Field(name, "Fill in {0}.", label));
                }

                continue;
            }

            var error = field.Kind switch
            {
                TicketFieldKind.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => "{0} is a number.",
                TicketFieldKind.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "{0} is a date (yyyy-mm-dd).",
                TicketFieldKind.Select when !field.Options.Contains(value) => "{0} is one of the listed choices.",
                TicketFieldKind.Text when value.Length > 400 => "{0} has at most 400 characters.",
                _ => null,
            };
            if (error is not null)
            {
                errors.Add(Field(name, error, label));
                continue;
            }

            result[field.Key] = value;
        }

        return result;
    }

    private static FieldRefusal Field(string field, string template, params object[] arguments) => new(field, LocalizableText.Of(template, arguments));
}
