using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Calls;

/// <summary>What the PBX reports of a call, in the order it happens.</summary>
internal enum CallEvent
{
    Ringing,
    Answered,
    Ended,
}

/// <summary>One phone call the PBX reported: who called whom, which agent took it, when, and the ticket it led to.</summary>
internal sealed class CallRecord : ITenantOwned
{
    public const int MaxCallIdLength = 100;
    public const int MaxNumberLength = 40;
    public const int MaxUrlLength = 500;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The PBX's id of the call, unique per tenant.</summary>
    public string CallId { get; set; } = "";

    /// <summary>The caller's number as the PBX sent it.</summary>
    public string From { get; set; } = "";

    /// <summary>The caller's number in E.164, or null when the tenant's region does not understand it.</summary>
    public string? FromE164 { get; set; }

    public string To { get; set; } = "";

    public string? Extension { get; set; }

    /// <summary>The agent at <see cref="Extension"/> when the call came in.</summary>
    public Guid? AgentUserId { get; set; }

    /// <summary>The customer with the caller's number, when exactly one has it.</summary>
    public Guid? CustomerId { get; set; }

    public DateTime? RingingAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Talk time in seconds: answered to ended; 0 for a call nobody answered.</summary>
    public int? DurationSeconds { get; set; }

    public string? RecordingUrl { get; set; }

    public Guid? TicketId { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether this event was recorded before (the PBX repeats events it is unsure were received).</summary>
    public bool Has(CallEvent callEvent) => callEvent switch
    {
        CallEvent.Ringing => RingingAt is not null,
        CallEvent.Answered => AnsweredAt is not null,
        _ => EndedAt is not null,
    };

    public void Record(CallEvent callEvent, DateTime at, string? recordingUrl)
    {
        switch (callEvent)
        {
            case CallEvent.Ringing:
                RingingAt = at;
                break;
            case CallEvent.Answered:
                AnsweredAt = at;
                break;
            default:
                EndedAt = at;
                DurationSeconds = AnsweredAt is { } answered ? (int)Math.Max(0, Math.Round((at - answered).TotalSeconds)) : 0;
                RecordingUrl = recordingUrl ?? RecordingUrl;
                break;
        }

        UpdatedAt = at;
    }
}
