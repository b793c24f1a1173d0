using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>Copies a normalized draft onto a stored customer and describes what would change.</summary>
internal static class CustomerChanges
{
    private static readonly (string Name, Func<Customer, object?> Value)[] Fields =
    [
        ("Name", c => c.DisplayName), ("Family name", c => c.FamilyName), ("Given name", c => c.GivenName), ("Gender", c => c.Gender),
        ("Birthday", c => c.Birthday), ("Identity number", c => c.IdentityNumber), ("Phone", c => c.Phone), ("E-mail", c => c.Email),
        ("Parent", c => c.ParentId), ("Tier", c => c.Tier), ("Marketing consent", c => c.MarketingConsent), ("Owner", c => c.OwnerUserId),
        ("Unit", c => c.UnitId), ("Currency", c => c.Currency), ("Payment terms", c => c.PaymentTerms), ("Tax class", c => c.TaxClass),
        ("Credit limit", c => c.CreditLimit), ("Bank account", c => c.BankAccount), ("Notes", c => c.Notes),
        ("Tags", c => string.Join(", ", c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal))),
        ("Addresses", c => string.Join("; ", c.Addresses.Select(a => $"{a.Kind}: {a.Province} {a.City} {a.District} {a.Street} {a.Postcode}".Trim()))),
        ("Contacts", c => string.Join("; ", c.ContactPoints.Select(p => $"{p.Kind}: {p.Value}"))),
        ("Anniversaries", c => string.Join("; ", c.Anniversaries.Select(a => $"{a.Label} {a.Date:yyyy-MM-dd}"))),
        ("Custom fields", c => string.Join("; ", c.CustomFields.OrderBy(f => f.FieldKey, StringComparer.Ordinal).Select(f => $"{f.FieldKey}={f.Value}"))),
    ];

    /// <summary>Makes a normalized draft a new customer: id, code, times, owner and unit of the creator, first class and version.</summary>
    public static void StartNew(Customer draft, string code, DateTime now, Guid? creatorId, Guid? creatorUnitId)
    {
        draft.Id = Guid.NewGuid();
        draft.Code = code;
        draft.CreatedAt = now;
        draft.UpdatedAt = now;
        draft.MarketingConsentAt = draft.MarketingConsent ? now : null;
        draft.OwnerUserId ??= creatorId;
        draft.UnitId ??= creatorUnitId;
        draft.LifecycleClass = LifecycleClass.QualifiedProspect;
        draft.Version = 1;
    }

    public static string Describe(Customer current, Customer proposed) => string.Join(Environment.NewLine, Fields
        .Select(f => (f.Name, Old: Show(f.Value(current)), New: Show(f.Value(proposed))))
        .Where(f => f.Old != f.New)
        .Select(f => $"{f.Name}: {f.Old} → {f.New}"));

    public static void Apply(Customer target, Customer draft)
    {
        if (draft.MarketingConsent && !target.MarketingConsent)
        {
            target.MarketingConsentAt = DateTime.UtcNow;
        }

        target.DisplayName = draft.DisplayName;
        target.FamilyName = draft.FamilyName;
        target.GivenName = draft.GivenName;
        target.NameKey = draft.NameKey;
        target.NameInitials = draft.NameInitials;
        target.Gender = draft.Gender;
        target.Birthday = draft.Birthday;
        target.IdentityNumber = draft.IdentityNumber;
        target.Phone = draft.Phone;
        target.Email = draft.Email;
        target.ParentId = draft.ParentId;
        target.Tier = draft.Tier;
        target.MarketingConsent = draft.MarketingConsent;
        target.OwnerUserId = draft.OwnerUserId ?? target.OwnerUserId;
        target.UnitId = draft.UnitId ?? target.UnitId;
        target.Currency = draft.Currency;
        target.PaymentTerms = draft.PaymentTerms;
        target.TaxClass = draft.TaxClass;
        target.CreditLimit = draft.CreditLimit;
        target.BankAccount = draft.BankAccount;
        target.Notes = draft.Notes;
        // The draft's rows are new rows: without an id EF Core tracks them as Added. With one set it would take
        // them for existing rows (their key is generated) and the update would fail.
        draft.Addresses.ForEach(a => a.Id = Guid.Empty);
        draft.ContactPoints.ForEach(p => p.Id = Guid.Empty);
        draft.Anniversaries.ForEach(a => a.Id = Guid.Empty);
        Replace(target.Addresses, draft.Addresses);
        Replace(target.ContactPoints, draft.ContactPoints);
        Replace(target.Anniversaries, draft.Anniversaries);
        // Tags and field values are keyed by their value: change them in place, never remove and re-add one key.
        target.Tags.RemoveAll(t => draft.Tags.All(d => d.Tag != t.Tag));
        target.Tags.AddRange(draft.Tags.Where(d => target.Tags.All(t => t.Tag != d.Tag)));
        target.CustomFields.RemoveAll(f => draft.CustomFields.All(d => d.FieldKey != f.FieldKey));
        foreach (var value in draft.CustomFields)
        {
            if (target.CustomFields.FirstOrDefault(f => f.FieldKey == value.FieldKey) is { } existing)
            {
                existing.Value = value.Value;
            }
            else
            {
                target.CustomFields.Add(value);
            }
        }

        target.UpdatedAt = DateTime.UtcNow;
        target.Version++;
    }

    private static void Replace<T>(List<T> current, List<T> proposed)
    {
        current.Clear();
        current.AddRange(proposed);
    }

    private static string Show(object? value) => value switch
    {
        null => "—",
        string { Length: 0 } => "—",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };
}
