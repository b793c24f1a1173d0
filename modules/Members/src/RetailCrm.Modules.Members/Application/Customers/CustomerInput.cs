using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Application.Customers;

internal sealed record AddressInput(AddressKind Kind, string? Region, string? Province, string? City, string? District, string? Street, string? Postcode, bool IsDefault);

internal sealed record ContactPointInput(ContactPointKind Kind, string? Value, string? Label);

internal sealed record AnniversaryInput(string? Label, DateOnly Date);

/// <summary>A customer as entered in a form, the API or an import row; normalized before it is stored.</summary>
internal sealed record CustomerInput
{
    public CustomerKind Kind { get; init; }

    public string? DisplayName { get; init; }

    public string? FamilyName { get; init; }

    public string? GivenName { get; init; }

    public string? Gender { get; init; }

    public DateOnly? Birthday { get; init; }

    public string? IdentityNumber { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public Guid? ParentId { get; init; }

    public string? Tier { get; init; }

    public bool MarketingConsent { get; init; }

    public Guid? OwnerUserId { get; init; }

    public Guid? UnitId { get; init; }

    public string? Currency { get; init; }

    public string? PaymentTerms { get; init; }

    public string? TaxClass { get; init; }

    public long? CreditLimit { get; init; }

    public string? BankAccount { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<AddressInput> Addresses { get; init; } = [];

    public IReadOnlyList<ContactPointInput> ContactPoints { get; init; } = [];

    public IReadOnlyList<AnniversaryInput> Anniversaries { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Custom field key to value, as text.</summary>
    public IReadOnlyDictionary<string, string?> CustomFields { get; init; } = new Dictionary<string, string?>();
}
