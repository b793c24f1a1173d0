using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The administration areas of the navigation (<see cref="MenuSections"/>): their titles and their order.</summary>
internal sealed record MenuSectionTitles(string Key, string English, string Chinese)
{
    private static readonly MenuSectionTitles[] s_all =
    [
        new(MenuSections.Organization, "Organization", "组织与权限"),
        new(MenuSections.System, "System", "系统"),
        new(MenuSections.Monitoring, "Monitoring", "运行监控"),
    ];

    public string Text(string culture) => culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static MenuSectionTitles? Find(string? key) => s_all.FirstOrDefault(s => s.Key == key);

    /// <summary>Modules' groups first (rank 0), then the areas in their fixed order.</summary>
    public static int Rank(string groupKey) => Array.FindIndex(s_all, s => s.Key == groupKey) + 1;
}
