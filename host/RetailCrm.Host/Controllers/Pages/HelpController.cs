using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Web.Help;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>
/// The help: the topics of the Kernel and of every module the tenant has on, in the user's language. The header's
/// help link (and <kbd>?</kbd>) passes the page the user is on, and lands on the topic that explains it.
/// </summary>
[Authorize]
public sealed class HelpController(HelpLibrary library, IModuleAdministration modules) : CrmPageController
{
    public const int MaxTermLength = 100;

    [HttpGet("/help")]
    public async Task<IActionResult> Index(string? q, string? page, CancellationToken cancellationToken)
    {
        var (topics, areas) = await TopicsAsync(cancellationToken);
        if (page is { Length: > 0 } && page.StartsWith('/') && Explaining(topics, page) is { } topic)
        {
            return Redirect(topic.Url);
        }

        var term = q?.Trim() ?? "";
        term = term.Length > MaxTermLength ? term[..MaxTermLength] : term;
        return View(new HelpIndexPage(term, term.Length == 0 ? topics : Matching(topics, term), areas));
    }

    // Not {area}: MVC reads a route value of that name as an MVC area and would look for the view there.
    [HttpGet("/help/{module}/{slug}")]
    public async Task<IActionResult> Topic(string module, string slug, CancellationToken cancellationToken)
    {
        var (topics, areas) = await TopicsAsync(cancellationToken);
        var topic = topics.FirstOrDefault(t => t.Area.Equals(module, StringComparison.OrdinalIgnoreCase) && t.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase));
        return topic is null ? NotFound() : View(new HelpTopicPage(topic, areas[topic.Area], [.. topics.Where(t => t.Area == topic.Area && t != topic)]));
    }

    private async Task<(IReadOnlyList<HelpTopic> Topics, IReadOnlyDictionary<string, string> AreaNames)> TopicsAsync(CancellationToken cancellationToken)
    {
        var enabled = await modules.EnabledAsync(cancellationToken);
        var names = enabled.ToDictionary(m => m.Id, m => m.DisplayName, StringComparer.OrdinalIgnoreCase);
        names[HelpLibrary.GeneralArea] = "RetailCrm";
        return (library.For(names.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), CultureInfo.CurrentUICulture), names);
    }

    private static HelpTopic? Explaining(IEnumerable<HelpTopic> topics, string path) =>
        topics.Select(t => (Topic: t, Score: t.Explains(path))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).Select(x => x.Topic).FirstOrDefault();

    /// <summary>Topics whose title or text has the term; those with it in the title first.</summary>
    private static List<HelpTopic> Matching(IEnumerable<HelpTopic> topics, string term) =>
        [.. topics.Where(t => t.Title.Contains(term, StringComparison.CurrentCultureIgnoreCase) || t.Text.Contains(term, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(t => t.Title.Contains(term, StringComparison.CurrentCultureIgnoreCase) ? 0 : 1)];
}

/// <summary>The list of topics (all of them, or what the term found) and the areas' names.</summary>
public sealed record HelpIndexPage(string Term, IReadOnlyList<HelpTopic> Topics, IReadOnlyDictionary<string, string> AreaNames);

/// <summary>One topic, the name of its area and the area's other topics.</summary>
public sealed record HelpTopicPage(HelpTopic Topic, string AreaName, IReadOnlyList<HelpTopic> Related);
