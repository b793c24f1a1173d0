using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Routing;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>Every minute: warns supervisors of clocks past their warning time and tells them of breaches.</summary>
internal sealed class SlaEscalationJob : ICrmJob
{
    public string Name => "service.sla-escalation";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<SlaEscalation>().RunAsync(cancellationToken);
}

/// <summary>
/// Finds running clocks past their warning time or their due time and mails every supervisor (users with
/// <c>service.supervise</c>) once per warning and once per breach. Each notice is claimed with a conditional update
/// before its mails are queued, so two runs at once never send it twice. A breach is written into the ticket's
/// history and, when the policy says so, hands the ticket to the least-busy available agent.
/// </summary>
internal sealed class SlaEscalation(ServiceDbContext db, AgentPicker picker, IUserDirectory users, IOutgoingMessages messages, ISettingProvider settings, TimeProvider time)
{
    public const string SystemUser = "sla";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<SlaClock>().AsNoTracking()
            .Where(c => c.State == SlaClockState.Running && ((c.WarnAt <= now && c.WarnedAt == null) || (c.DueAt <= now && c.BreachNotifiedAt == null)))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var supervisors = (await users.WithPermissionAsync(ServicePermissions.Supervise, cancellationToken)).Where(u => u.Email is not null).ToList();
        // The job runs as no user, so this is the tenant's language; a supervisor's own choice comes first.
        var tenantCulture = await settings.GetAsync(SlaSettings.KernelCulture, cancellationToken);
        foreach (var clock in due)
        {
            var breached = clock.DueAt <= now;
            if (!await ClaimAsync(clock, breached, now, cancellationToken))
            {
                continue;
            }

            var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == clock.TicketId, cancellationToken);
            if (ticket is null)
            {
                continue;
            }

            if (breached)
            {
                await RecordBreachAsync(ticket, clock, now, cancellationToken);
            }

            var dueAt = await DueTextAsync(clock, cancellationToken);
            foreach (var supervisor in supervisors)
            {
                var model = new SlaEscalationModel(supervisor.DisplayName, ticket.Reference, ticket.Subject, ClockName(clock.Kind), breached, dueAt, $"/service/tickets/{ticket.Id}");
                await messages.QueueAsync(new OutgoingMessage(ChannelKinds.Email, supervisor.Email!, SlaTemplates.Escalation, model, supervisor.Culture ?? tenantCulture) { ToName = supervisor.DisplayName }, cancellationToken);
            }
        }
    }

    public static string ClockName(SlaClockKind kind) => kind switch
    {
        SlaClockKind.FirstResponse => "first-response",
        SlaClockKind.NextUpdate => "next-update",
        _ => "resolution",
    };

    private async Task<bool> ClaimAsync(SlaClock clock, bool breached, DateTime now, CancellationToken cancellationToken) =>
        breached
            ? await db.Set<SlaClock>().Where(c => c.Id == clock.Id && c.BreachNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.BreachNotifiedAt, now).SetProperty(c => c.BreachedAt, clock.DueAt).SetProperty(c => c.WarnedAt, c => c.WarnedAt ?? now), cancellationToken) == 1
            : await db.Set<SlaClock>().Where(c => c.Id == clock.Id && c.WarnedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WarnedAt, now), cancellationToken) == 1;

    private async Task RecordBreachAsync(Ticket ticket, SlaClock clock, DateTime now, CancellationToken cancellationToken)
    {
        db.Set<TicketChange>().Add(TicketChange.Of(ticket.Id, "sla-breached", null, ClockName(clock.Kind), null, SystemUser, now));
        var policy = await db.Set<SlaPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == clock.PolicyId, cancellationToken);
        if (policy?.ReassignOnBreach == true
            && await picker.PickAsync(RoutingStrategy.LeastBusy, ticket.TeamUnitId, ticket.AssigneeUserId, cancellationToken) is { } agent)
        {
            db.Set<TicketChange>().Add(TicketChange.Of(ticket.Id, "assignee", ticket.AssigneeUserId?.ToString(), agent.Id.ToString(), null, SystemUser, now));
            ticket.AssigneeUserId = agent.Id;
            ticket.Touch(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> DueTextAsync(SlaClock clock, CancellationToken cancellationToken)
    {
        var calendar = await db.Set<SlaCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == clock.CalendarId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar?.TimeZoneId ?? SlaSettings.DefaultTimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(clock.DueAt!.Value, DateTimeKind.Utc), zone);
        return $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }
}
