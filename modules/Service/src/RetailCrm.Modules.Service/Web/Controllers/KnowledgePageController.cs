using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Knowledge;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The knowledge base's pages: list and search (agents), an article with its votes, the editor with preview, categories.</summary>
[Route("service/kb")]
internal sealed class KnowledgePageController(KnowledgeBase knowledge, KnowledgeEditor editor, ArticleVoting voting, ArticleMarkdown markdown) : CrmPageController
{
    private const string Views = "~/Web/Views/Knowledge/";

    [HttpGet("")]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Index(string? q, string? language, Guid? categoryId, CancellationToken cancellationToken)
    {
        var query = new ArticleQuery(q, language, categoryId, ArticleQuery.MaxLimit);
        var found = await knowledge.SearchAsync(query, cancellationToken);
        return found.IsRefused
            ? await RefusedAsync(found.Refusal, () => ListAsync(query with { Language = null }, cancellationToken))
            : await ListAsync(query, found.Value, cancellationToken);
    }

    [HttpGet("articles/{id:guid}")]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Article(Guid id, CancellationToken cancellationToken)
    {
        var article = await knowledge.GetAsync(id, cancellationToken);
        return article.IsRefused ? NotFound() : View(Views + "Article.cshtml", new ArticlePage(article.Value, await knowledge.CanEditAsync(cancellationToken)));
    }

    [HttpPost("articles/{id:guid}/feedback")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbView)]
    public async Task<IActionResult> Feedback(Guid id, bool helpful, CancellationToken cancellationToken)
    {
        var voted = await voting.VoteAsync(id, helpful, cancellationToken);
        return voted.IsRefused ? NotFound() : Done($"/service/kb/articles/{id}", "Thank you: your vote is counted.");
    }

    [HttpGet("articles/new")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public Task<IActionResult> New(string? language, CancellationToken cancellationToken) =>
        EditorAsync(null, new ArticleInput("", "", ArticleLanguage.Normalize(language) ?? ArticleLanguage.English, null, false), null, cancellationToken);

    [HttpPost("articles/new")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> Create(ArticleForm form, CancellationToken cancellationToken)
    {
        var created = await editor.CreateAsync(form.ToInput(), cancellationToken);
        return created.IsRefused
            ? await RefusedAsync(created.Refusal, () => EditorAsync(null, form.ToInput(), null, cancellationToken))
            : Done($"/service/kb/articles/{created.Value}", "Saved the article {0}.", form.Title?.Trim() ?? "");
    }

    [HttpGet("articles/{id:guid}/edit")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var article = await knowledge.GetAsync(id, cancellationToken);
        return article.IsRefused
            ? NotFound()
            : await EditorAsync(id, new ArticleInput(article.Value.Title, article.Value.Body, article.Value.Language, article.Value.CategoryId, article.Value.IsPublished), null, cancellationToken);
    }

    [HttpPost("articles/{id:guid}/edit")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> Update(Guid id, ArticleForm form, CancellationToken cancellationToken)
    {
        var updated = await editor.UpdateAsync(id, form.ToInput(), cancellationToken);
        return updated.IsRefused
            ? await RefusedAsync(updated.Refusal, () => EditorAsync(id, form.ToInput(), null, cancellationToken))
            : Done($"/service/kb/articles/{id}", "Saved the article {0}.", form.Title?.Trim() ?? "");
    }

    /// <summary>Shows the editor again with what was typed and, above it, the article as agents will see it; stores nothing.</summary>
    [HttpPost("preview")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public Task<IActionResult> Preview(Guid? id, ArticleForm form, CancellationToken cancellationToken) =>
        EditorAsync(id, form.ToInput(), markdown.ToSafeHtml(form.Body ?? ""), cancellationToken);

    [HttpGet("categories")]
    [RequirePermission(ServicePermissions.KbEdit)]
    public Task<IActionResult> Categories(CancellationToken cancellationToken) => CategoriesPageAsync(cancellationToken);

    [HttpPost("categories")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> AddCategory(string? name, CancellationToken cancellationToken)
    {
        var added = await editor.CreateCategoryAsync(name, cancellationToken);
        return added.IsRefused
            ? await RefusedAsync(added.Refusal, () => CategoriesPageAsync(cancellationToken), CategoriesPage.AddForm)
            : Done("/service/kb/categories", "Added the category {0}.", added.Value.Name);
    }

    [HttpPost("categories/{id:guid}/rename")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> RenameCategory(Guid id, string? name, CancellationToken cancellationToken)
    {
        var renamed = await editor.RenameCategoryAsync(id, name, cancellationToken);
        return renamed.IsRefused
            ? await RefusedAsync(renamed.Refusal, () => CategoriesPageAsync(cancellationToken), CategoriesPage.RenameForm(id))
            : Done("/service/kb/categories", "Renamed the category to {0}.", renamed.Value.Name);
    }

    [HttpPost("categories/{id:guid}/delete")]
    [PostOnce]
    [RequirePermission(ServicePermissions.KbEdit)]
    public async Task<IActionResult> DeleteCategory(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await editor.DeleteCategoryAsync(id, cancellationToken);
        return deleted.IsRefused
            ? await RefusedAsync(deleted.Refusal, () => CategoriesPageAsync(cancellationToken), CategoriesPage.RenameForm(id))
            : Done("/service/kb/categories", "Deleted the category.");
    }

    private async Task<IActionResult> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var found = await knowledge.SearchAsync(query, cancellationToken);
        return await ListAsync(query, found.IsRefused ? [] : found.Value, cancellationToken);
    }

    private async Task<IActionResult> ListAsync(ArticleQuery query, IReadOnlyList<ArticleSummary> articles, CancellationToken cancellationToken) =>
        View(Views + "Index.cshtml", new KnowledgeListPage(query, articles, await knowledge.CategoriesAsync(cancellationToken), await knowledge.CanEditAsync(cancellationToken)));

    private async Task<IActionResult> EditorAsync(Guid? id, ArticleInput values, string? preview, CancellationToken cancellationToken) =>
        View(Views + "Edit.cshtml", new ArticleEditorPage(id, values, await knowledge.CategoriesAsync(cancellationToken), preview));

    private async Task<IActionResult> CategoriesPageAsync(CancellationToken cancellationToken) =>
        View(Views + "Categories.cshtml", await knowledge.CategoriesAsync(cancellationToken));
}

/// <summary>The editor's form as posted; the names are those of the refusals' fields (compared case-insensitively).</summary>
internal sealed record ArticleForm(string? Title, string? Body, string? Language, Guid? CategoryId, bool Published)
{
    public ArticleInput ToInput() => new(Title, Body, Language, CategoryId, Published);
}

internal sealed record KnowledgeListPage(ArticleQuery Query, IReadOnlyList<ArticleSummary> Articles, IReadOnlyList<CategoryView> Categories, bool CanEdit);

internal sealed record ArticlePage(ArticleDetails Article, bool CanEdit);

internal sealed record ArticleEditorPage(Guid? Id, ArticleInput Values, IReadOnlyList<CategoryView> Categories, string? PreviewHtml);

internal static class CategoriesPage
{
    public const string AddForm = "add-category";

    public static string RenameForm(Guid id) => "category-" + id.ToString("N");
}
