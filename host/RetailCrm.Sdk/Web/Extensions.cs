namespace RetailCrm.Sdk.Web;

/// <summary>An entry of the main navigation.</summary>
public sealed record MenuItem(string Key, string Text, string Url, int Order = 100)
{
    /// <summary>Chinese (zh-CN) text; English is used when missing.</summary>
    public string? TextZh { get; init; }

    /// <summary>Permission the user must hold to see the item.</summary>
    public string? RequiredPermission { get; init; }

    /// <summary>A Lucide icon name (https://lucide.dev/icons, e.g. <c>credit-card</c>) drawn by the theme; none when null.</summary>
    public string? Icon { get; init; }

    /// <summary>
    /// The group the item is shown in: null for its module's own group (titled with the module's display name),
    /// or one of the <see cref="MenuSections"/> for the administration areas.
    /// </summary>
    public string? Section { get; init; }

    /// <summary>Id of the module that contributed it; set by the kernel.</summary>
    public string ModuleId { get; internal set; } = "";
}

/// <summary>The administration areas of the navigation, in the order they are shown, after the modules' groups.</summary>
public static class MenuSections
{
    /// <summary>People and structure: users, roles, organization units, tenants.</summary>
    public const string Organization = "admin.organization";

    /// <summary>How the tenant runs: modules, plugins, settings, branding.</summary>
    public const string System = "admin.system";

    /// <summary>What happened: the audit log, event deliveries, imports' and jobs' outcomes.</summary>
    public const string Monitoring = "admin.monitoring";
}

/// <summary>Contributes menu items. Shown only to tenants that have the module enabled.</summary>
public interface IMenuContributor
{
    /// <summary>The module's menu items; the kernel hides those the user may not see.</summary>
    IEnumerable<MenuItem> GetMenuItems();
}

/// <summary>
/// A section of the customer 360° page, drawn by a Razor partial view of the module that contributes it.
/// </summary>
/// <param name="Title">The heading, already in the user's language.</param>
/// <param name="PartialView">The partial's path, unique across modules, e.g. <c>~/Web/Views/CardsProfile/_MemberCards.cshtml</c>.</param>
/// <param name="Model">The partial's model.</param>
/// <param name="Order">Where the section stands on the page; lower first.</param>
public sealed record ProfileSection(string Title, string PartialView, object? Model, int Order = 100);

/// <summary>
/// Contributes a section to the customer 360° page. Asked only when its module is enabled for the tenant.
/// </summary>
public interface IProfileSectionContributor
{
    /// <summary>The module's section for the customer, or null to show none (e.g. the user may not see it).</summary>
    Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken);
}

/// <summary>An entry of the navigation as shown to the current user, text already in the user's language.</summary>
public sealed record NavigationEntry(string Key, string Text, string Url, string ModuleId)
{
    /// <summary>The Lucide icon name of the entry, or null.</summary>
    public string? Icon { get; init; }

    /// <summary>The key of the entry's group: a module id or one of the <see cref="MenuSections"/>.</summary>
    public string Group { get; init; } = "";

    /// <summary>The group's title in the user's language.</summary>
    public string GroupText { get; init; } = "";
}

/// <summary>
/// Adds scripts to every page a signed-in user sees: a module's live parts, e.g. the service module's screen pop.
/// Register with <c>services.AddScoped&lt;IPageScriptContributor, T&gt;()</c>; the theme's layout loads each URL with
/// <c>defer</c> after its own scripts. A contributor answers none for a user the feature is not for: check a permission
/// (<see cref="Authorization.IPermissionChecker"/> is false for a module the tenant has off).
/// </summary>
public interface IPageScriptContributor
{
    /// <summary>The scripts' URLs for the current user, e.g. <c>/service/assets/screen-pop.js</c>.</summary>
    Task<IReadOnlyList<string>> GetScriptsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The navigation for the current user and tenant; themes render it.</summary>
public interface INavigationMenu
{
    /// <summary>The entries the current user may see, in order.</summary>
    Task<IReadOnlyList<NavigationEntry>> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The sections of the customer 360° page: every <see cref="IProfileSectionContributor"/> of a module
/// the tenant has on, in order. A contributor that throws is left out (and logged), never the page.
/// </summary>
public interface IProfileSectionProvider
{
    /// <summary>The customer's sections, ordered by <see cref="ProfileSection.Order"/>.</summary>
    Task<IReadOnlyList<ProfileSection>> GetSectionsAsync(Guid customerId, CancellationToken cancellationToken = default);
}
