using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Knowledge;

internal static class KnowledgeRefusals
{
    public static Refusal ArticleNotFound(Guid id) =>
        Refusal.NotFound("service/kb-article-not-found", "There is no article {0}.", id).Titled("No such article");

    public static Refusal CategoryNotFound(Guid id) =>
        Refusal.NotFound("service/kb-category-not-found", "There is no category {0}.", id).Titled("No such category");
}
