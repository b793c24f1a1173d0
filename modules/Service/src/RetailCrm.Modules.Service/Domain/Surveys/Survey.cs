using System.Security.Cryptography;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Surveys;

/// <summary>
/// The satisfaction survey (CSAT) of one resolved ticket: at most one per ticket. Its link carries a random token that
/// is never stored, only its SHA-256, so the table cannot be turned into working links; the link works once, until
/// <see cref="ExpiresAt"/>. <see cref="Version"/> makes two answers at once refuse the second.
/// </summary>
internal sealed class Survey : ITenantOwned
{
    public const int MaxCommentLength = 2000;
    public const int MaxAddressLength = 200;
    public const int MaxLinkBaseLength = 200;

    private Survey()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid TicketId { get; private set; }

    public Guid? CustomerId { get; private set; }

    /// <summary>The agent who had the ticket when it was resolved: agent performance counts the score for them.</summary>
    public Guid? AgentUserId { get; private set; }

    /// <summary>Where the link is sent: <c>email</c> or <c>sms</c>.</summary>
    public string Channel { get; private set; } = "";

    public string Address { get; private set; } = "";

    public string Language { get; private set; } = "en";

    /// <summary>The scheme and host the link starts with, e.g. <c>https://shop.example.com</c>; empty for a relative link.</summary>
    public string LinkBase { get; private set; } = "";

    /// <summary>Hex SHA-256 of the link's token; null until the invitation is sent.</summary>
    public string? TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public int? Score { get; private set; }

    public string? Comment { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public int Version { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static Survey For(Guid ticketId, Guid? customerId, Guid? agent, string channel, string address, string language, string linkBase, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        CustomerId = customerId,
        AgentUserId = agent,
        Channel = channel,
        Address = address,
        Language = language,
        LinkBase = linkBase.Length > MaxLinkBaseLength ? "" : linkBase,
        CreatedAt = now,
    };

    /// <summary>Makes a new token (32 random bytes, base64url) valid for <paramref name="validFor"/>, keeps its hash and answers the token itself.</summary>
    public string IssueToken(DateTime now, TimeSpan validFor)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        TokenHash = HashOf(token);
        SentAt = now;
        ExpiresAt = now + validFor;
        Version++;
        return token;
    }

    public bool IsExpired(DateTime now) => ExpiresAt is { } expires && now >= expires;

    public void Answer(int score, string? comment, DateTime now)
    {
        Score = score;
        Comment = comment;
        AnsweredAt = now;
        Version++;
    }

    public string Link(string token) => $"{LinkBase}/service/survey/{token}";

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
