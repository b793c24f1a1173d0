namespace RetailCrm.Modules.Members.Contracts;

/// <summary>Whether a customer is a person (retail member) or an organization (trade customer).</summary>
public enum CustomerKind
{
    Person,
    Organization,
}

/// <summary>Lifecycle classes (客户分类), kept current from purchase history by the tenant's rules.</summary>
public enum LifecycleClass
{
    NonCustomer,
    QualifiedProspect,
    PossibleBuyer,
    FirstTimeBuyer,
    RepeatBuyer,
    Loyal,
    Advocate,
    Dormant,
}

/// <summary>What other modules may know of a customer at a glance.</summary>
public sealed record CustomerSummary(
    Guid Id,
    string Code,
    CustomerKind Kind,
    string DisplayName,
    string? Phone,
    string? Email,
    string? Tier,
    LifecycleClass LifecycleClass,
    Guid? OwnerUserId,
    Guid? UnitId);

/// <summary>Finds customers for other modules (cards, service, pipeline) without touching the members tables.</summary>
public interface ICustomerLookup
{
    Task<CustomerSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<CustomerSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Customers with this phone number, in any format the tenant's region understands (screen pop).</summary>
    Task<IReadOnlyList<CustomerSummary>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default);
}

/// <summary>
/// Contributes search hits to the customer list from another module (e.g. a card number),
/// so that "search by card number" works without members knowing about cards.
/// </summary>
public interface ICustomerSearchContributor
{
    Task<IReadOnlyCollection<Guid>> FindCustomerIdsAsync(string term, CancellationToken cancellationToken);
}
