using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>A dead letter as the admin page and API list it (the raw message is downloaded on its own).</summary>
internal sealed record DeadLetterView(Guid Id, Guid MailboxId, string MailboxAddress, long Uid, string? MessageId, string? From, string? Subject, string Reason, long Size, DateTime ReceivedAt, int Retries);

/// <summary>The dead letters of the current tenant: listed, downloaded raw, taken in again, or discarded.</summary>
internal sealed class DeadLetters(ServiceDbContext db, IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(int take, CancellationToken cancellationToken) =>
        await db.Set<DeadLetter>().AsNoTracking()
            .OrderByDescending(d => d.ReceivedAt).Take(take)
            .Join(db.Set<Mailbox>(), d => d.MailboxId, m => m.Id, (d, m) => new DeadLetterView(
                d.Id, d.MailboxId, m.Address, d.Uid, d.MessageId, d.From, d.Subject, d.Reason, d.Raw.Length, d.ReceivedAt, d.Retries))
            .ToListAsync(cancellationToken);

    public async Task<(string FileName, byte[] Raw)?> RawAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<DeadLetter>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Uid, d.Raw }).FirstOrDefaultAsync(cancellationToken) is { } found
            ? ($"dead-letter-{found.Uid}.eml", found.Raw)
            : null;

    /// <summary>
    /// Takes the mail in again (after its cause was fixed, e.g. the ticket type it needs is active again). Taken in, the
    /// dead letter goes in the same transaction as the ticket; refused again, it stays with the new reason.
    /// </summary>
    public async Task<Result<MailResult>> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var letter = await scoped.Set<DeadLetter>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (letter is null)
        {
            return NotFound(id);
        }

        var mailbox = await scoped.Set<Mailbox>().FirstAsync(m => m.Id == letter.MailboxId, cancellationToken);
        scoped.Remove(letter);
        var result = await scope.ServiceProvider.GetRequiredService<MailIngest>().TakeInAsync(mailbox, letter.Uid, letter.Raw, cancellationToken);
        if (result.Outcome != MailOutcome.Refused)
        {
            return result;
        }

        var again = await db.Set<DeadLetter>().FirstAsync(d => d.Id == id, cancellationToken);
        again.Reason = DeadLetter.Cut(result.Reason, DeadLetter.MaxReasonLength) ?? again.Reason;
        again.Retries++;
        await db.SaveChangesAsync(cancellationToken);
        return Refusal.Unprocessable("service/dead-letter-refused", "The mail was refused again: {0}", again.Reason);
    }

    public async Task<Result<Guid>> DiscardAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<DeadLetter>().Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(id) : id;
    }

    private static Refusal NotFound(Guid id) => Refusal.NotFound("service/dead-letter-not-found", "There is no dead letter {0}.", id);
}
