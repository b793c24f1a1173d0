using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Knowledge;

/// <summary>One article the full-text index found, with its score (higher is better on both providers).</summary>
internal sealed record KnowledgeSearchHit(Guid ArticleId, double Score);

/// <summary>
/// The full-text index of the knowledge base, over the words <c>SearchTitle</c> and <c>SearchBody</c> hold (already
/// segmented and lower-cased by the application, so both providers see plain space-separated words):
/// <list type="bullet">
/// <item>SQLite: an FTS5 table (tokenizer unicode61, which keeps Chinese characters as word characters) that
/// triggers on the articles table keep in the same transaction as the article; ranked by bm25, the title weighing
/// four times the body.</item>
/// <item>PostgreSQL: a GIN index over <c>to_tsvector('simple', ...)</c> of the same words (the 'simple' config only
/// lower-cases, no stemming and no stop words, so Chinese words stay as they are); ranked by ts_rank, the title
/// weighted A and the body B.</item>
/// </list>
/// The query's words are ANDed. Tenant, language and published filters are left to the LINQ query composed over the hits.
/// </summary>
internal sealed class KnowledgeSearchSql(ModuleNaming naming)
{
    private const string PostgresVector =
        """(setweight(to_tsvector('simple'::regconfig, "SearchTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, "SearchBody"), 'B'))""";

    private string Articles => naming.UsesSchemas ? $"{naming.Schema}.{naming.Table("kb_articles")}" : naming.Table("kb_articles");

    private string Fts => naming.Table("kb_article_search");

    public IEnumerable<string> CreateIndex()
    {
        if (naming.UsesSchemas)
        {
            yield return $"""CREATE INDEX "IX_kb_articles_search" ON {Articles} USING GIN ({PostgresVector});""";
            yield break;
        }

        yield return $"CREATE VIRTUAL TABLE {Fts} USING fts5(ArticleId UNINDEXED, Title, Body, tokenize = 'unicode61');";
        yield return $"""
            CREATE TRIGGER {Articles}_search_insert AFTER INSERT ON {Articles} BEGIN
                INSERT INTO {Fts} (ArticleId, Title, Body) VALUES (new.Id, new.SearchTitle, new.SearchBody);
            END;
            """;
        yield return $"""
            CREATE TRIGGER {Articles}_search_update AFTER UPDATE OF SearchTitle, SearchBody ON {Articles} BEGIN
                DELETE FROM {Fts} WHERE ArticleId = old.Id;
                INSERT INTO {Fts} (ArticleId, Title, Body) VALUES (new.Id, new.SearchTitle, new.SearchBody);
            END;
            """;
        yield return $"""
            CREATE TRIGGER {Articles}_search_delete AFTER DELETE ON {Articles} BEGIN
                DELETE FROM {Fts} WHERE ArticleId = old.Id;
            END;
            """;
    }

    /// <summary>The SELECT of the hits of all <paramref name="words"/>, with its one parameter as <c>{0}</c>.</summary>
    public (string Sql, object Parameter) Query(IReadOnlyCollection<string> words) => naming.UsesSchemas
        ? ($"""
            SELECT a."Id" AS "ArticleId", ts_rank({PostgresVector}, q.query)::float8 AS "Score"
            FROM {Articles} a, plainto_tsquery('simple'::regconfig, {"{0}"}) AS q(query)
            WHERE {PostgresVector} @@ q.query
            """, string.Join(' ', words))
        : ($"""
            SELECT ArticleId AS "ArticleId", -bm25({Fts}, 0.0, 4.0, 1.0) AS "Score"
            FROM {Fts} WHERE {Fts} MATCH {"{0}"}
            """, string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
}
