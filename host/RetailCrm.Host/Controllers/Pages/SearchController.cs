using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>The global search's page: what the header's search box found across the modules, by group.</summary>
[Authorize]
public sealed class SearchController(IGlobalSearch search) : CrmPageController
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var hits = await search.SearchAsync(q, cancellationToken: cancellationToken);
        // One hit: straight to it, as a clerk who typed a card number or a phone expects.
        return hits.Count == 1 && Request.Query.ContainsKey("go") ? Redirect(hits[0].Url) : View(new SearchPage(q?.Trim() ?? "", hits));
    }
}

/// <summary>The term and what it found.</summary>
public sealed record SearchPage(string Term, IReadOnlyList<SearchHit> Hits);
