using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Knowledge;

/// <summary>One reader's vote on an article: helpful or not. A reader has one vote per article and may change it.</summary>
internal sealed class ArticleFeedback : ITenantOwned
{
    public const int MaxVoterLength = 200;

    private ArticleFeedback()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid ArticleId { get; private set; }

    /// <summary>Who voted: the user name, or <c>apikey:NAME</c> for an integration.</summary>
    public string Voter { get; private set; } = "";

    public bool Helpful { get; private set; }

    public DateTime VotedAt { get; private set; }

    public static ArticleFeedback Cast(Guid articleId, string voter, bool helpful, DateTime now) =>
        new() { Id = Guid.NewGuid(), ArticleId = articleId, Voter = voter, Helpful = helpful, VotedAt = now };

    public void Change(bool helpful, DateTime now)
    {
        Helpful = helpful;
        VotedAt = now;
    }
}
