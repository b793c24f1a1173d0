using System.Globalization;
using RetailCrm.Modules.Members.Application.DataQuality;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>A tenant's normalization rules, read once and applied to any number of inputs.</summary>
internal sealed record NormalizationRules(string PhoneRegion, IReadOnlyList<CustomFieldDefinition> CustomFields)
{
    public (Customer Draft, List<FieldRefusal> Errors) Normalize(CustomerInput input) => CustomerNormalizer.Normalize(input, PhoneRegion, CustomFields);
}

/// <summary>
/// Turns a <see cref="CustomerInput"/> into a normalized, unsaved <see cref="Customer"/>: names
/// split and keyed, phones in E.164, e-mails lower-case, postcodes checked for the region,
/// custom fields validated by type. Nothing is stored; the caller saves only when there is no error.
/// </summary>
internal static class CustomerNormalizer
{
    public static (Customer Draft, List<FieldRefusal> Errors) Normalize(CustomerInput input, string phoneRegion, IReadOnlyList<CustomFieldDefinition> fields)
    {
        var errors = new List<FieldRefusal>();
        var name = input.Kind == CustomerKind.Person
            ? NameNormalizer.Person(input.DisplayName, input.FamilyName, input.GivenName)
            : NameNormalizer.Organization(input.DisplayName);
        if (name.DisplayName.Length == 0)
        {
            errors.Add("displayName", "A customer needs a name.");
        }
        else if (name.DisplayName.Length > 200)
        {
            errors.Add("displayName", "The name is longer than 200 characters.");
        }

        var (phone, phoneError) = PhoneNormalizer.Normalize(input.Phone, phoneRegion);
        if (phoneError is not null)
        {
            errors.Add("phone", phoneError);
        }

        var (email, emailError) = EmailNormalizer.Normalize(input.Email);
        if (emailError is not null)
        {
            errors.Add("email", emailError);
        }

        if (input.Birthday is { } birthday && (birthday > DateOnly.FromDateTime(DateTime.UtcNow) || birthday.Year < 1900))
        {
            errors.Add("birthday", "The birthday is not a plausible date.");
        }

        if (input.CreditLimit < 0)
        {
            errors.Add("creditLimit", "The credit limit cannot be negative.");
        }

        if (input.Currency is { Length: > 0 } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            errors.Add("currency", "The currency is a three-letter ISO code, e.g. CNY.");
        }

        var draft = new Customer
        {
            Kind = input.Kind,
            DisplayName = name.DisplayName,
            FamilyName = name.FamilyName,
            GivenName = name.GivenName,
            NameKey = name.Key,
            NameInitials = DataQuality.NameInitials.Of(name.DisplayName),
            Gender = Trim(input.Gender),
            Birthday = input.Birthday,
            IdentityNumber = Trim(input.IdentityNumber)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
            Phone = phone,
            Email = email,
            ParentId = input.ParentId,
            Tier = Trim(input.Tier),
            MarketingConsent = input.MarketingConsent,
            OwnerUserId = input.OwnerUserId,
            UnitId = input.UnitId,
            Currency = Trim(input.Currency)?.ToUpperInvariant(),
            PaymentTerms = Trim(input.PaymentTerms),
            TaxClass = Trim(input.TaxClass),
            CreditLimit = input.CreditLimit,
            BankAccount = Trim(input.BankAccount),
            Notes = Trim(input.Notes),
        };
        draft.Addresses = Addresses(input.Addresses, errors);
        draft.ContactPoints = ContactPoints(input.ContactPoints, phoneRegion, errors);
        draft.Anniversaries = input.Anniversaries
            .Select((a, i) => (a, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.a.Label) || Fail(errors, $"anniversaries[{x.i}].label", "An anniversary needs a label."))
            .Select(x => new CustomerAnniversary { Id = Guid.NewGuid(), Label = x.a.Label!.Trim(), Date = x.a.Date })
            .ToList();
        draft.Tags = input.Tags.Select(CustomerTags.Normalize).Where(t => t.Length > 0).Distinct()
            .Select(t => t.Length <= CustomerTags.MaxLength ? new CustomerTag { Tag = t } : null).OfType<CustomerTag>().ToList();
        draft.CustomFields = CustomFields(input.CustomFields, fields, errors);
        return (draft, errors);
    }

    private static List<CustomerAddress> Addresses(IReadOnlyList<AddressInput> inputs, List<FieldRefusal> errors)
    {
        var addresses = new List<CustomerAddress>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var region = (Trim(input.Region) ?? "CN").ToUpperInvariant();
            if (region.Length != 2)
            {
                errors.Add($"addresses[{i}].region", "The region is a two-letter ISO code, e.g. CN.");
                continue;
            }

            var (postcode, postcodeError) = PostcodeValidator.Normalize(input.Postcode, region);
            if (postcodeError is not null)
            {
                errors.Add($"addresses[{i}].postcode", postcodeError);
            }

            if (string.IsNullOrWhiteSpace(input.Street))
            {
                errors.Add($"addresses[{i}].street", "An address needs a street.");
            }

            addresses.Add(new CustomerAddress
            {
                Id = Guid.NewGuid(),
                Kind = input.Kind,
                Region = region,
                Province = Trim(input.Province),
                City = Trim(input.City),
                District = Trim(input.District),
                Street = Trim(input.Street) ?? "",
                Postcode = postcode,
                IsDefault = input.IsDefault || inputs.Count == 1,
            });
        }

        return addresses;
    }

    private static List<CustomerContactPoint> ContactPoints(IReadOnlyList<ContactPointInput> inputs, string phoneRegion, List<FieldRefusal> errors)
    {
        var points = new List<CustomerContactPoint>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var (value, error) = input.Kind == ContactPointKind.Email
                ? EmailNormalizer.Normalize(input.Value)
                : PhoneNormalizer.Normalize(input.Value, phoneRegion);
            if (error is not null || value is null)
            {
                errors.Add($"contactPoints[{i}].value", error ?? LocalizableText.Of("A contact needs a value."));
                continue;
            }

            points.Add(new CustomerContactPoint { Id = Guid.NewGuid(), Kind = input.Kind, Value = value, Label = Trim(input.Label) });
        }

        return points;
    }

    private static List<CustomerFieldValue> CustomFields(IReadOnlyDictionary<string, string?> values, IReadOnlyList<CustomFieldDefinition> fields, List<FieldRefusal> errors)
    {
        var result = new List<CustomerFieldValue>();
        foreach (var key in values.Keys.Where(k => fields.All(f => f.Key != k)))
        {
            errors.Add($"customFields.{key}", "There is no custom field '{0}'.", key);
        }

        foreach (var field in fields)
        {
            var text = values.TryGetValue(field.Key, out var given) ? Trim(given) : null;
            if (text is null)
            {
                if (field.Required)
                {
                    errors.Add($"customFields.{field.Key}", "{0} is required.", field.Label);
                }

                continue;
            }

            var (value, error) = CustomFieldValue(field, text);
            if (error is not null)
            {
                errors.Add($"customFields.{field.Key}", error);
            }
            else
            {
                result.Add(new CustomerFieldValue { FieldKey = field.Key, Value = value! });
            }
        }

        return result;
    }

    /// <summary>A custom field's value in its stored form (invariant number, yyyy-MM-dd date), or why it does not fit.</summary>
    public static (string? Value, LocalizableText? Error) CustomFieldValue(CustomFieldDefinition field, string text) => field.Type switch
    {
        CustomFieldType.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => (number.ToString(CultureInfo.InvariantCulture), null),
        CustomFieldType.Number => (null, LocalizableText.Of("{0}: '{1}' is not a number.", field.Label, text)),
        CustomFieldType.Date when DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) => (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
        CustomFieldType.Date => (null, LocalizableText.Of("{0}: '{1}' is not a date (yyyy-MM-dd).", field.Label, text)),
        CustomFieldType.Choice when field.ChoiceList.Contains(text) => (text, null),
        CustomFieldType.Choice => (null, LocalizableText.Of("{0}: '{1}' is not one of {2}.", field.Label, text, string.Join(", ", field.ChoiceList))),
        _ when text.Length > 1000 => (null, LocalizableText.Of("{0} is longer than 1000 characters.", field.Label)),
        _ => (text, null),
    };

    private static bool Fail(List<FieldRefusal> errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
