using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Knowledge;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>
/// The knowledge base's JSON API: search and read (agents), write (editors), vote. Agents see published articles only;
/// a draft answers 404 to them. Refusals are RFC 9457 problem details with the field at fault under <c>errors</c>.
/// </summary>
[ApiController]
[Route("api/service/kb")]
internal sealed class KnowledgeApiController(KnowledgeBase knowledge, KnowledgeEditor editor, ArticleVoting voting) : ControllerBase
{
    /// <summary>Articles ranked by how well they match <paramref name="q"/> (all words must occur), else the latest first.</summary>
    [HttpGet("articles")]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Search(string? q, string? language, Guid? categoryId, int? limit, CancellationToken cancellationToken) =>
        (await knowledge.SearchAsync(new ArticleQuery(q, language, categoryId, limit), cancellationToken)).ToActionResult(Ok);

    /// <summary>An article with its Markdown, its sanitized HTML and its votes.</summary>
    [HttpGet("articles/{id:guid}")]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        (await knowledge.GetAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Writes an article (title, Markdown body, language, category, published or draft).</summary>
    [HttpPost("articles")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> Create(ArticleRequest request, CancellationToken cancellationToken)
    {
        var created = await editor.CreateAsync(request.ToInput(), cancellationToken);
        return created.IsRefused
            ? created.ToActionResult(_ => NoContent())
            : (await knowledge.GetAsync(created.Value, cancellationToken)).ToActionResult(a => Created($"/api/service/kb/articles/{a.Id}", a));
    }

    /// <summary>Changes an article; it is indexed again for search.</summary>
    [HttpPut("articles/{id:guid}")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> Update(Guid id, ArticleRequest request, CancellationToken cancellationToken)
    {
        var updated = await editor.UpdateAsync(id, request.ToInput(), cancellationToken);
        return updated.IsRefused ? updated.ToActionResult(_ => NoContent()) : (await knowledge.GetAsync(id, cancellationToken)).ToActionResult(Ok);
    }

    /// <summary>The reader's vote, helpful or not; voting again changes it. Answers the article's counts.</summary>
    [HttpPost("articles/{id:guid}/feedback")]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Feedback(Guid id, FeedbackRequest request, CancellationToken cancellationToken)
    {
        if (request.Helpful is not { } helpful)
        {
            return ((Result<ArticleVotes>)Refusal.Invalid("service/kb-feedback-invalid", "helpful", "Say whether the article helped: true or false.")).ToActionResult(Ok);
        }

        return (await voting.VoteAsync(id, helpful, cancellationToken)).ToActionResult(Ok);
    }

    /// <summary>The knowledge base categories.</summary>
    [HttpGet("categories")]
    [RequirePermission(ServicePermissions.KbView)]
    public Task<IReadOnlyList<CategoryView>> Categories(CancellationToken cancellationToken) => knowledge.CategoriesAsync(cancellationToken);

    /// <summary>Adds a category.</summary>
    [HttpPost("categories")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> CreateCategory(CategoryRequest request, CancellationToken cancellationToken) =>
        (await editor.CreateCategoryAsync(request.Name, cancellationToken)).ToActionResult(c => Created($"/api/service/kb/categories/{c.Id}", c));

    /// <summary>Renames a category.</summary>
    [HttpPut("categories/{id:guid}")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> RenameCategory(Guid id, CategoryRequest request, CancellationToken cancellationToken) =>
        (await editor.RenameCategoryAsync(id, request.Name, cancellationToken)).ToActionResult(Ok);

    /// <summary>Deletes an empty category (409 while it holds articles).</summary>
    [HttpDelete("categories/{id:guid}")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> DeleteCategory(Guid id, CancellationToken cancellationToken) =>
        (await editor.DeleteCategoryAsync(id, cancellationToken)).ToActionResult(_ => NoContent());
}

/// <summary>The body of creating or changing an article; values may be missing, the rules refuse them at their field.</summary>
internal sealed record ArticleRequest(string? Title, string? Body, string? Language, Guid? CategoryId, bool? Published)
{
    public ArticleInput ToInput() => new(Title, Body, Language, CategoryId, Published ?? false);
}

internal sealed record FeedbackRequest(bool? Helpful);

internal sealed record CategoryRequest(string? Name);
