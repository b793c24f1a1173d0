namespace RetailCrm.Modules.Service.Contracts;

/// <summary>Permission names of the service module.</summary>
public static class ServicePermissions
{
    /// <summary>See the queue, tickets and call records.</summary>
    public const string TicketsView = "service.tickets.view";

    /// <summary>Open tickets, reply, add notes, change status and take tickets.</summary>
    public const string TicketsWork = "service.tickets.work";

    /// <summary>Assign tickets to others, merge tickets.</summary>
    public const string TicketsManage = "service.tickets.manage";

    /// <summary>Supervisors: reports, SLA, escalations.</summary>
    public const string Supervise = "service.supervise";

    /// <summary>Admins: ticket types, calendars, SLA policies, routing, mailboxes.</summary>
    public const string Administer = "service.admin";

    /// <summary>Read and search the knowledge base (published articles).</summary>
    public const string KbView = "service.kb.view";

    /// <summary>Write, publish and file knowledge-base articles, see drafts, manage categories.</summary>
    public const string KbEdit = "service.kb.edit";
}
