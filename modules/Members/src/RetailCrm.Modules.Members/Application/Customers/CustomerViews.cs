using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>A row of the customer list.</summary>
internal sealed record CustomerListItem(
    Guid Id,
    string Code,
    CustomerKind Kind,
    string DisplayName,
    string? Phone,
    string? Email,
    string? Tier,
    LifecycleClass LifecycleClass,
    DateOnly? Birthday,
    DateTime? LastPurchaseAt,
    int PurchaseCount,
    long PurchaseTotal,
    IReadOnlyList<string> Tags);

/// <summary>A customer with everything the members module knows of it.</summary>
internal sealed record CustomerDetails(
    Guid Id,
    string Code,
    CustomerKind Kind,
    CustomerStatus Status,
    string DisplayName,
    string? FamilyName,
    string? GivenName,
    string? Gender,
    DateOnly? Birthday,
    string? IdentityNumber,
    string? Phone,
    string? Email,
    Guid? ParentId,
    string? Tier,
    LifecycleClass LifecycleClass,
    bool MarketingConsent,
    Guid? OwnerUserId,
    Guid? UnitId,
    string? Currency,
    string? PaymentTerms,
    string? TaxClass,
    long? CreditLimit,
    string? BankAccount,
    string? Notes,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid? MergedIntoId,
    DateTime? FirstPurchaseAt,
    DateTime? LastPurchaseAt,
    int PurchaseCount,
    long PurchaseTotal,
    long Version,
    IReadOnlyList<AddressInput> Addresses,
    IReadOnlyList<ContactPointInput> ContactPoints,
    IReadOnlyList<AnniversaryInput> Anniversaries,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> CustomFields)
{
    public static CustomerDetails From(Customer c) => new(
        c.Id, c.Code, c.Kind, c.Status, c.DisplayName, c.FamilyName, c.GivenName, c.Gender, c.Birthday, c.IdentityNumber, c.Phone, c.Email,
        c.ParentId, c.Tier, c.LifecycleClass, c.MarketingConsent, c.OwnerUserId, c.UnitId, c.Currency, c.PaymentTerms, c.TaxClass, c.CreditLimit,
        c.BankAccount, c.Notes, c.CreatedAt, c.UpdatedAt, c.MergedIntoId, c.FirstPurchaseAt, c.LastPurchaseAt, c.PurchaseCount, c.PurchaseTotal, c.Version,
        c.Addresses.Select(a => new AddressInput(a.Kind, a.Region, a.Province, a.City, a.District, a.Street, a.Postcode, a.IsDefault)).ToList(),
        c.ContactPoints.Select(p => new ContactPointInput(p.Kind, p.Value, p.Label)).ToList(),
        c.Anniversaries.Select(a => new AnniversaryInput(a.Label, a.Date)).ToList(),
        c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        c.CustomFields.ToDictionary(f => f.FieldKey, f => f.Value));

    /// <summary>The record as input again, e.g. to fill the edit form.</summary>
    public CustomerInput ToInput() => new()
    {
        Kind = Kind, DisplayName = DisplayName, FamilyName = FamilyName, GivenName = GivenName, Gender = Gender, Birthday = Birthday,
        IdentityNumber = IdentityNumber, Phone = Phone, Email = Email, ParentId = ParentId, Tier = Tier, MarketingConsent = MarketingConsent,
        OwnerUserId = OwnerUserId, UnitId = UnitId, Currency = Currency, PaymentTerms = PaymentTerms, TaxClass = TaxClass, CreditLimit = CreditLimit,
        BankAccount = BankAccount, Notes = Notes, Addresses = Addresses, ContactPoints = ContactPoints, Anniversaries = Anniversaries, Tags = Tags,
        CustomFields = CustomFields.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
    };
}

/// <summary>What the customer list asks for: a search term, filters, a page and an order.</summary>
internal sealed record CustomerQuery
{
    public string? Term { get; init; }

    public string? Tag { get; init; }

    public LifecycleClass? LifecycleClass { get; init; }

    public string? Tier { get; init; }

    public CustomerKind? Kind { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>code, name, lastPurchase, purchaseTotal, created.</summary>
    public string Sort { get; init; } = "name";

    public bool Descending { get; init; }
}

internal sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// A customer's place in a trade customer's structure: the organization it belongs to, its contacts
/// (persons) and branches (organizations), and the purchases of the whole tree rolled up.
/// </summary>
internal sealed record CustomerRelations(
    CustomerListItem? Parent,
    IReadOnlyList<CustomerListItem> Contacts,
    IReadOnlyList<CustomerListItem> Branches,
    int RolledUpPurchaseCount,
    long RolledUpPurchaseTotal);
