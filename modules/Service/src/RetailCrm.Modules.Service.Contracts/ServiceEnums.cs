namespace RetailCrm.Modules.Service.Contracts;

/// <summary>Where a ticket stands. Clocks of the SLA pause while it is pending the customer or a third party.</summary>
public enum TicketStatus
{
    /// <summary>Opened, nobody has worked it yet.</summary>
    New,

    /// <summary>Being worked.</summary>
    Open,

    /// <summary>Waiting for the customer's answer.</summary>
    PendingCustomer,

    /// <summary>Waiting for a supplier, a technician or another third party.</summary>
    PendingThirdParty,

    /// <summary>Solved; the customer may still answer and re-open it.</summary>
    Resolved,

    /// <summary>Done; a customer's answer within the re-open days opens it again, later a new ticket.</summary>
    Closed,
}

/// <summary>How urgent a ticket is.</summary>
public enum TicketPriority
{
    /// <summary>Can wait.</summary>
    Low,

    /// <summary>The usual.</summary>
    Normal,

    /// <summary>Soon.</summary>
    High,

    /// <summary>Now.</summary>
    Urgent,
}

/// <summary>How a ticket came in.</summary>
public enum TicketChannel
{
    /// <summary>A call (CTI).</summary>
    Phone,

    /// <summary>An e-mail to a service mailbox.</summary>
    Email,

    /// <summary>The tenant's public web form.</summary>
    WebForm,

    /// <summary>A text message.</summary>
    Sms,

    /// <summary>A fax, arrived as an e-mail attachment.</summary>
    Fax,

    /// <summary>The customer came to the counter; the agent opened it by hand.</summary>
    WalkIn,
}
