using Microsoft.Playwright;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>Screenshots of the browser tests, kept under the repository's TestResults/screenshots for a look after the run.</summary>
internal static class Screenshots
{
    private static readonly Lazy<string> s_folder = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RetailCrm.sln")))
        {
            folder = folder.Parent;
        }

        var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    });

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_folder.Value, name + ".png"), FullPage = true });

    /// <summary>How far the page is wider than the viewport (0 when nothing overflows horizontally).</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
