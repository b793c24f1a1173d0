using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.FollowUps;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.FollowUps;

/// <summary>
/// Opens the follow-up tickets that are due: type follow-up, for the same customer or contact, assigned to the agent
/// who owned the closed ticket, pointing at it. The follow-up row is marked opened in the new ticket's SaveChanges
/// (through <see cref="FollowUpObserver"/>), and its version check keeps a second run from opening it twice.
/// </summary>
internal sealed partial class FollowUpOpener(ServiceDbContext db, TicketService tickets, FollowUpInProgress inProgress, TimeProvider time, ILogger<FollowUpOpener> log)
{
    public const int BatchSize = 100;

    /// <summary>Opens what is due and answers how many were opened.</summary>
    public async Task<int> OpenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<FollowUp>().AsNoTracking().Where(f => f.Status == FollowUpStatus.Scheduled && f.DueAt <= now)
            .OrderBy(f => f.DueAt).Select(f => f.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                opened += await OpenAsync(id, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                LogTakenElsewhere(id);
            }
        }

        return opened;
    }

    private async Task<bool> OpenAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        var followUp = await db.Set<FollowUp>().FirstAsync(f => f.Id == followUpId, cancellationToken);
        var original = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == followUp.TicketId, cancellationToken);
        if (followUp.Status != FollowUpStatus.Scheduled || original is null)
        {
            return false;
        }

        inProgress.Current = followUp;
        try
        {
            var result = await tickets.OpenAsync(new NewTicket
            {
                Type = TicketTypeKeys.FollowUp,
                Subject = Subject(original),
                Channel = TicketChannel.Phone,
                CustomerId = original.CustomerId,
                ContactName = original.ContactName,
                ContactPhone = original.ContactPhone,
                ContactEmail = original.ContactEmail,
                Language = original.Language,
                AssigneeUserId = followUp.AgentUserId,
                TeamUnitId = original.TeamUnitId,
            }, cancellationToken);
            if (result.IsRefused)
            {
                db.ChangeTracker.Clear();
                var failed = await db.Set<FollowUp>().FirstAsync(f => f.Id == followUpId, cancellationToken);
                failed.Fail(result.Refusal.Code);
                await db.SaveChangesAsync(cancellationToken);
                LogRefused(followUpId, result.Refusal.Code);
                return false;
            }

            return true;
        }
        finally
        {
            inProgress.Current = null;
        }
    }

    private static string Subject(Ticket original)
    {
        var subject = (original.Language == "zh-CN" ? "回访：" : "Follow-up: ") + original.Reference + " " + original.Subject;
        return subject.Length > Ticket.MaxSubjectLength ? subject[..Ticket.MaxSubjectLength] : subject;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId} was opened by another run.")]
    private partial void LogTakenElsewhere(Guid followUpId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} could not open its ticket: {Code}.")]
    private partial void LogRefused(Guid followUpId, string code);
}
