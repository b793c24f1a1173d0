using System.Security.Cryptography;
using System.Text.Json;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>
/// A ticket of one tenant: what a customer (or an unknown contact) asked, complained about or ordered, from any
/// channel, and where it stands. Its rules of status live here; <see cref="Version"/> guards against two agents
/// changing it at once.
/// </summary>
internal sealed class Ticket : ITenantOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxTagsLength = 400;
    public const int MaxCategoryLength = 80;
    public const int MaxContactLength = 200;
    public const int MaxSearchTextLength = 600;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    /// <summary>Counts up per tenant from 1; shown as <see cref="Reference"/>.</summary>
    public long Number { get; private set; }

    /// <summary>A random word that, with the number, marks the ticket in a mail's subject so a reply threads into it.</summary>
    public string Token { get; private set; } = "";

    public string TypeKey { get; set; } = "";

    public string Subject { get; set; } = "";

    public TicketStatus Status { get; private set; }

    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    public TicketChannel Channel { get; private set; }

    public string? Category { get; set; }

    /// <summary>Lower-case tags, comma-separated, e.g. <c>vip,refund</c>.</summary>
    public string Tags { get; set; } = "";

    public Guid? CustomerId { get; set; }

    /// <summary>The customer's tier when the ticket was opened (routing and SLA go by it).</summary>
    public string? CustomerTier { get; set; }

    public string? ContactName { get; set; }

    /// <summary>E.164 when it could be normalized, else as given.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>In lower case, as the queue looks it up.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The language mails to the customer are written in: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Language { get; set; } = "en";

    public Guid? AssigneeUserId { get; set; }

    /// <summary>The team: an organization unit.</summary>
    public Guid? TeamUnitId { get; set; }

    public string FieldValuesJson { get; private set; } = "{}";

    public DateTime OpenedAt { get; private set; }

    public Guid? OpenedByUserId { get; private set; }

    public DateTime? FirstResponseAt { get; private set; }

    public DateTime? LastAgentReplyAt { get; private set; }

    public DateTime? LastCustomerMessageAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The ticket this one was merged into; a merged ticket is closed and takes no more work.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>The ticket this one follows up (回访), or null.</summary>
    public Guid? FollowsUpId { get; set; }

    /// <summary>Subject, contact name, e-mail and phone in lower case: what the queue's search looks in.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Counts every change; a change made from an older version is refused.</summary>
    public int Version { get; private set; }

    public string Reference => FormatReference(Number);

    /// <summary>What a mail's subject carries so that the answer threads into this ticket, e.g. <c>[#42-k3q9xz]</c>.</summary>
    public string SubjectToken => $"[#{Number}-{Token}]";

    public IReadOnlyDictionary<string, string> FieldValues
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string>>(FieldValuesJson, Json) ?? [];
        set => FieldValuesJson = JsonSerializer.Serialize(value, Json);
    }

    public bool IsMerged => MergedIntoId is not null;

    public bool IsPending => Status is TicketStatus.PendingCustomer or TicketStatus.PendingThirdParty;

    public bool IsDone => Status is TicketStatus.Resolved or TicketStatus.Closed;

    public static string FormatReference(long number) => "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Ticket Open(long number, string typeKey, string subject, TicketChannel channel, DateTime now, Guid? openedBy) => new()
    {
        Id = Guid.NewGuid(),
        Number = number,
        Token = NewToken(),
        TypeKey = typeKey,
        Subject = subject,
        Channel = channel,
        Status = TicketStatus.New,
        OpenedAt = now,
        UpdatedAt = now,
        OpenedByUserId = openedBy,
    };

    /// <summary>Moves to <paramref name="status"/>, stamping resolved and closed times (cleared again on re-open).</summary>
    public void MoveTo(TicketStatus status, DateTime now)
    {
        Status = status;
        ResolvedAt = status switch
        {
            TicketStatus.Resolved => now,
            TicketStatus.Closed => ResolvedAt ?? now,
            _ => null,
        };
        ClosedAt = status == TicketStatus.Closed ? now : null;
        Touch(now);
    }

    public void RecordAgentReply(DateTime now)
    {
        FirstResponseAt ??= now;
        LastAgentReplyAt = now;
        Touch(now);
    }

    public void RecordCustomerMessage(DateTime now)
    {
        LastCustomerMessageAt = now;
        Touch(now);
    }

    public void MarkMergedInto(Guid target, DateTime now)
    {
        MergedIntoId = target;
        MoveTo(TicketStatus.Closed, now);
    }

    /// <summary>Counts a change for the concurrency check and the "updated" time.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
        Index();
    }

    /// <summary>Brings <see cref="SearchText"/> up to date with the subject and the contact.</summary>
    public void Index()
    {
        var text = $"{Subject} {ContactName} {ContactEmail} {ContactPhone}".ToLowerInvariant();
        SearchText = text.Length > MaxSearchTextLength ? text[..MaxSearchTextLength] : text;
    }

    private static string NewToken()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Create(6, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }
}
