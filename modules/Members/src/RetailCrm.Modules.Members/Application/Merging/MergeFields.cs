using System.Globalization;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Application.Merging;

/// <summary>A field of the customer whose value the survivor keeps from one of the merged records.</summary>
internal sealed record MergeField(string Name, string Label, Func<Customer, string?> Show, Action<Customer, Customer> Copy)
{
    public bool IsEmpty(Customer customer) => string.IsNullOrEmpty(Show(customer));
}

/// <summary>The fields a merge lets the user choose, by their API name (the customer JSON property names).</summary>
internal static class MergeFields
{
    /// <summary>Custom field values are chosen as <c>custom.{key}</c>.</summary>
    public const string CustomPrefix = "custom.";

    public static readonly IReadOnlyList<MergeField> All =
    [
        new("displayName", "Name", c => c.DisplayName, (t, s) =>
        {
            t.DisplayName = s.DisplayName;
            t.FamilyName = s.FamilyName;
            t.GivenName = s.GivenName;
            t.NameKey = s.NameKey;
            t.NameInitials = s.NameInitials;
        }),
        new("kind", "Kind", c => c.Kind.ToString(), (t, s) => t.Kind = s.Kind),
        new("gender", "Gender", c => c.Gender, (t, s) => t.Gender = s.Gender),
        new("birthday", "Birthday", c => c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (t, s) => t.Birthday = s.Birthday),
        new("identityNumber", "Identity number", c => c.IdentityNumber, (t, s) => t.IdentityNumber = s.IdentityNumber),
        new("phone", "Phone", c => c.Phone, (t, s) => t.Phone = s.Phone),
        new("email", "E-mail", c => c.Email, (t, s) => t.Email = s.Email),
        new("parentId", "Parent", c => c.ParentId?.ToString(), (t, s) => t.ParentId = s.ParentId),
        new("tier", "Tier", c => c.Tier, (t, s) => t.Tier = s.Tier),
        new("marketingConsent", "Marketing consent", c => c.MarketingConsent ? "yes" : null, (t, s) =>
        {
            t.MarketingConsent = s.MarketingConsent;
            t.MarketingConsentAt = s.MarketingConsentAt;
        }),
        new("ownerUserId", "Owner", c => c.OwnerUserId?.ToString(), (t, s) => t.OwnerUserId = s.OwnerUserId),
        new("unitId", "Unit", c => c.UnitId?.ToString(), (t, s) => t.UnitId = s.UnitId),
        new("currency", "Currency", c => c.Currency, (t, s) => t.Currency = s.Currency),
        new("paymentTerms", "Payment terms", c => c.PaymentTerms, (t, s) => t.PaymentTerms = s.PaymentTerms),
        new("taxClass", "Tax class", c => c.TaxClass, (t, s) => t.TaxClass = s.TaxClass),
        new("creditLimit", "Credit limit", c => c.CreditLimit?.ToString(CultureInfo.InvariantCulture), (t, s) => t.CreditLimit = s.CreditLimit),
        new("bankAccount", "Bank account", c => c.BankAccount, (t, s) => t.BankAccount = s.BankAccount),
        new("notes", "Notes", c => c.Notes, (t, s) => t.Notes = s.Notes),
    ];

    public static MergeField? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static bool IsKnown(string name) =>
        Find(name) is not null || (name.StartsWith(CustomPrefix, StringComparison.Ordinal) && name.Length > CustomPrefix.Length);

    /// <summary>
    /// Whose value the survivor keeps: the chosen customer, else the survivor's own value when it has one,
    /// else the first merged customer (in the order given) that has one.
    /// </summary>
    public static Customer Pick(IReadOnlyList<Customer> survivorFirst, Guid? chosen, Func<Customer, bool> isEmpty) =>
        (chosen is { } id ? survivorFirst.FirstOrDefault(c => c.Id == id) : null)
        ?? survivorFirst.FirstOrDefault(c => !isEmpty(c))
        ?? survivorFirst[0];
}
