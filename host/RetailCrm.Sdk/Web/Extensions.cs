namespace RetailCrm.Sdk.Web;

/// <summary>An entry of the main navigation.</summary>
public sealed record MenuItem(string Key, string Text, string Url, int Order = 100)
{
    /// <summary>Chinese (zh-CN) text; English is used when missing.</summary>
    public string? TextZh { get; init; }

    /// <summary>Permission the user must hold to see the item.</summary>
    public string? RequiredPermission { get; init; }

    /// <summary>Id of the module that contributed it; set by the kernel.</summary>
    public string ModuleId { get; internal set; } = "";
}

/// <summary>Contributes menu items. Shown only to tenants that have the module enabled.</summary>
public interface IMenuContributor
{
    IEnumerable<MenuItem> GetMenuItems();
}

/// <summary>A section of the customer 360° page.</summary>
public sealed record ProfileSection(string Title, string Html, int Order = 100);

/// <summary>
/// Contributes a section to the customer 360° page. Asked only when its module is enabled for the tenant.
/// </summary>
public interface IProfileSectionContributor
{
    Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken);
}

/// <summary>An entry of the navigation as shown to the current user, text already in the user's language.</summary>
public sealed record NavigationEntry(string Key, string Text, string Url, string ModuleId);

/// <summary>The navigation for the current user and tenant; themes render it.</summary>
public interface INavigationMenu
{
    Task<IReadOnlyList<NavigationEntry>> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The sections of the customer 360° page: every <see cref="IProfileSectionContributor"/> of a module
/// the tenant has on, in order. A contributor that throws is left out (and logged), never the page.
/// </summary>
public interface IProfileSectionProvider
{
    Task<IReadOnlyList<ProfileSection>> GetSectionsAsync(Guid customerId, CancellationToken cancellationToken = default);
}
