namespace RetailCrm.Modules.Members.Contracts;

/// <summary>Whether a customer is a person (retail member) or an organization (trade customer).</summary>
public enum CustomerKind
{
    /// <summary>A person: a retail member, usually holding a card.</summary>
    Person,

    /// <summary>An organization: a trade customer with contacts and possibly branches.</summary>
    Organization,
}

/// <summary>Lifecycle classes (客户分类), kept current from purchase history by the tenant's rules.</summary>
public enum LifecycleClass
{
    /// <summary>Known, but no sign of interest yet (非顾客).</summary>
    NonCustomer,

    /// <summary>A prospect who fits and has shown interest (合格准顾客).</summary>
    QualifiedProspect,

    /// <summary>Likely to buy soon (可能购买者).</summary>
    PossibleBuyer,

    /// <summary>Bought once (首次购买者).</summary>
    FirstTimeBuyer,

    /// <summary>Bought more than once (重复购买者).</summary>
    RepeatBuyer,

    /// <summary>Buys regularly (忠诚顾客).</summary>
    Loyal,

    /// <summary>Recommends the company to others (拥护者).</summary>
    Advocate,

    /// <summary>Has stopped buying (休眠/流失顾客).</summary>
    Dormant,
}

/// <summary>What other modules may know of a customer at a glance.</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Code">The unique customer code, e.g. <c>C2026000001</c>.</param>
/// <param name="Kind">Person or organization.</param>
/// <param name="DisplayName">The name as shown.</param>
/// <param name="Phone">The main phone, E.164.</param>
/// <param name="Email">The main e-mail, lower case.</param>
/// <param name="Tier">The tier or level, as the tenant names it.</param>
/// <param name="LifecycleClass">The current lifecycle class.</param>
/// <param name="OwnerUserId">The owning sales person.</param>
/// <param name="UnitId">The organization unit the customer belongs to.</param>
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
    /// <summary>
    /// The customer with this id in the current tenant, or null: whatever its status (a merged or deleted customer is
    /// still found, so that a ticket or card pointing at it can show it) and not limited to the user's data scope; a
    /// caller that lists customers for a user narrows them to the user's scope itself (the analysis does, before a call list).
    /// </summary>
    Task<CustomerSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The customer with this code (case-insensitive), or null.</summary>
    Task<CustomerSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Customers with this phone number, in any format the tenant's region understands (screen pop).</summary>
    Task<IReadOnlyList<CustomerSummary>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active customers with this e-mail address (case-insensitive), as their own or one of their contact points; like the
    /// phone look-up not limited to a user's data scope, so a mailbox job matches a mail to its sender.
    /// </summary>
    Task<IReadOnlyList<CustomerSummary>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active customers the term finds as the customer list does: code, name, pinyin initials, phone in any format,
    /// e-mail; within the current user's data scope, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<CustomerSummary>> SearchAsync(string term, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// Contributes search hits to the customer list from another module (e.g. a card number),
/// so that "search by card number" works without members knowing about cards.
/// </summary>
public interface ICustomerSearchContributor
{
    /// <summary>The ids of the customers the term finds in the contributing module.</summary>
    Task<IReadOnlyCollection<Guid>> FindCustomerIdsAsync(string term, CancellationToken cancellationToken);
}
