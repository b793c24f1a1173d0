namespace RetailCrm.Modules.Service.Domain.Knowledge;

/// <summary>The languages an article is written in: agents answer customers in English or Simplified Chinese.</summary>
internal static class ArticleLanguage
{
    public const string English = "en";

    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> All = [English, Chinese];

    /// <summary>The language as stored (<c>en</c>, <c>zh-CN</c>), matched case-insensitively; null when it is neither.</summary>
    public static string? Normalize(string? language) =>
        All.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));
}
