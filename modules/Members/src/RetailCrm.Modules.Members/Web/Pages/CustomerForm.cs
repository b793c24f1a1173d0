using System.Globalization;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>The customer form as posted: flat text fields, turned into a <see cref="CustomerInput"/>.</summary>
internal sealed class CustomerForm
{
    public CustomerKind Kind { get; set; }

    public string? DisplayName { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenName { get; set; }

    public string? Gender { get; set; }

    public string? Birthday { get; set; }

    public string? IdentityNumber { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>More phones and e-mails, one per line.</summary>
    public string? MoreContacts { get; set; }

    public string? Tier { get; set; }

    public bool MarketingConsent { get; set; }

    public string? Tags { get; set; }

    public string? Region { get; set; } = "CN";

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? District { get; set; }

    public string? Street { get; set; }

    public string? Postcode { get; set; }

    public string? Currency { get; set; }

    public string? PaymentTerms { get; set; }

    public string? TaxClass { get; set; }

    public string? CreditLimit { get; set; }

    public string? BankAccount { get; set; }

    public string? Notes { get; set; }

    /// <summary>Anniversaries, one per line: <c>Wedding: 2015-06-01</c>.</summary>
    public string? Anniversaries { get; set; }

    /// <summary>Code of the organization this customer is a contact or branch of.</summary>
    public string? ParentCode { get; set; }

    public Dictionary<string, string?> CustomFields { get; set; } = [];

    public long Version { get; set; }

    public bool KeepDespiteDuplicates { get; set; }

    /// <summary>The input the form says, and what in it cannot be read (at the JSON names the service uses).</summary>
    public (CustomerInput Input, List<FieldRefusal> Errors) ToInput(Guid? parentId = null)
    {
        var errors = new List<FieldRefusal>();
        DateOnly? birthday = null;
        if (!string.IsNullOrWhiteSpace(Birthday))
        {
            if (DateOnly.TryParse(Birthday, CultureInfo.InvariantCulture, out var parsed))
            {
                birthday = parsed;
            }
            else
            {
                errors.Add("birthday", "The birthday is a date like 1990-05-01.");
            }
        }

        long? creditLimit = null;
        if (!string.IsNullOrWhiteSpace(CreditLimit))
        {
            if (decimal.TryParse(CreditLimit, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount * 100 == decimal.Truncate(amount * 100))
            {
                creditLimit = (long)(amount * 100);
            }
            else
            {
                errors.Add("creditLimit", "The credit limit is an amount like 5000.00.");
            }
        }

        var anniversaries = new List<AnniversaryInput>();
        foreach (var line in (Anniversaries ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.LastIndexOfAny([':', '：']);
            if (colon > 0 && DateOnly.TryParse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture, out var date))
            {
                anniversaries.Add(new AnniversaryInput(line[..colon].Trim(), date));
            }
            else
            {
                errors.Add("anniversaries", "'{0}' is not 'label: yyyy-MM-dd'.", line);
            }
        }

        var contacts = (MoreContacts ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => new ContactPointInput(c.Contains('@', StringComparison.Ordinal) ? ContactPointKind.Email : ContactPointKind.Phone, c, null))
            .ToList();
        var addresses = string.IsNullOrWhiteSpace(Street) && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(City)
            ? []
            : new List<AddressInput> { new(AddressKind.Home, Region, Province, City, District, Street, Postcode, true) };
        var input = new CustomerInput
        {
            Kind = Kind, DisplayName = DisplayName, FamilyName = FamilyName, GivenName = GivenName, Gender = Gender, Birthday = birthday,
            IdentityNumber = IdentityNumber, Phone = Phone, Email = Email, Tier = Tier, MarketingConsent = MarketingConsent,
            Tags = (Tags ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Addresses = addresses, ContactPoints = contacts, Anniversaries = anniversaries, Currency = Currency, PaymentTerms = PaymentTerms, TaxClass = TaxClass,
            CreditLimit = creditLimit, BankAccount = BankAccount, Notes = Notes, CustomFields = CustomFields, ParentId = parentId,
        };
        return (input, errors);
    }

    /// <summary>
    /// The form field a refused field is shown at: the service names fields as the JSON API does
    /// (<c>addresses[0].postcode</c>, <c>contactPoints[1].value</c>, <c>customFields.shoe_size</c>, <c>parentId</c>);
    /// the form has one address, the extra contacts and the anniversaries one per line, and the parent by its code.
    /// </summary>
    public static string FieldOf(string field) => field switch
    {
        "parentId" => nameof(ParentCode),
        _ when field.StartsWith("addresses[", StringComparison.Ordinal) => field[(field.LastIndexOf('.') + 1)..],
        _ when field.StartsWith("contactPoints[", StringComparison.Ordinal) => nameof(MoreContacts),
        _ when field.StartsWith("anniversaries", StringComparison.Ordinal) => nameof(Anniversaries),
        _ when field.StartsWith("customFields.", StringComparison.Ordinal) => $"{nameof(CustomFields)}[{field["customFields.".Length..]}]",
        _ => field,
    };

    /// <summary>The refusal with its fields named as the form names them (<see cref="FieldOf"/>).</summary>
    public static Refusal OnForm(Refusal refusal) =>
        refusal with { Fields = [.. refusal.Fields.Select(f => f with { Field = FieldOf(f.Field) })] };

    public static CustomerForm From(CustomerDetails customer, string? parentCode)
    {
        var address = customer.Addresses.FirstOrDefault(a => a.IsDefault) ?? (customer.Addresses is [var first, ..] ? first : null);
        return new CustomerForm
        {
            Kind = customer.Kind, DisplayName = customer.DisplayName, FamilyName = customer.FamilyName, GivenName = customer.GivenName,
            Gender = customer.Gender, Birthday = customer.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IdentityNumber = customer.IdentityNumber, Phone = customer.Phone, Email = customer.Email,
            MoreContacts = string.Join('\n', customer.ContactPoints.Select(c => c.Value)), Tier = customer.Tier,
            Anniversaries = string.Join('\n', customer.Anniversaries.Select(a => $"{a.Label}: {a.Date:yyyy-MM-dd}")),
            MarketingConsent = customer.MarketingConsent, Tags = string.Join(", ", customer.Tags),
            Region = address?.Region ?? "CN", Province = address?.Province, City = address?.City, District = address?.District,
            Street = address?.Street, Postcode = address?.Postcode, Currency = customer.Currency, PaymentTerms = customer.PaymentTerms,
            TaxClass = customer.TaxClass, CreditLimit = customer.CreditLimit is { } limit ? (limit / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null,
            BankAccount = customer.BankAccount, Notes = customer.Notes,
            CustomFields = customer.CustomFields.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), Version = customer.Version, ParentCode = parentCode,
        };
    }
}

/// <summary>What the form page shows: the form as stored (a refused post shows what was typed, through the form state), the likely duplicates and the tenant's custom fields.</summary>
internal sealed record CustomerFormPage(
    Guid? CustomerId,
    CustomerForm Form,
    IReadOnlyList<DuplicateMatch> Duplicates,
    IReadOnlyList<CustomFieldDefinition> CustomFields);

/// <summary>The customer list page: the query, one page of rows, and the page links.</summary>
internal sealed record CustomerListPage(CustomerQuery Query, PagedResult<CustomerListItem> Result)
{
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);
}

/// <summary>
/// The 360° page: the record, its relations, pending changes, purchases, class history, the summary (what the
/// customer spent, other modules' tiles), the timeline and the sections other modules contribute.
/// </summary>
internal sealed record CustomerDetailsPage(
    CustomerDetails Customer,
    CustomerRelations Relations,
    IReadOnlyList<Application.Approval.ChangeRequestView> PendingChanges,
    IReadOnlyList<Application.Purchases.PurchaseView> RecentPurchases,
    IReadOnlyList<Application.Lifecycle.LifecycleChangeView> LifecycleHistory,
    IReadOnlyList<RetailCrm.Sdk.Web.ProfileSection> Sections,
    IReadOnlyList<CustomFieldDefinition> CustomFields)
{
    /// <summary>The members currency, in which the purchases are summed.</summary>
    public string Currency { get; init; } = "CNY";

    /// <summary>What the customer spent, one amount per currency, the members currency first.</summary>
    public IReadOnlyList<RetailCrm.Sdk.Results.MoneyAmount> Spent { get; init; } = [];

    /// <summary>The other modules' parts of the summary.</summary>
    public IReadOnlyList<RetailCrm.Sdk.Web.CustomerSummaryPart> SummaryParts { get; init; } = [];

    /// <summary>One page of the timeline.</summary>
    public RetailCrm.Sdk.Web.TimelinePage Timeline { get; init; } = new([], false);
}
