using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>How one poll of a mailbox went.</summary>
internal sealed record PollResult(int Opened, int Threaded, int DeadLetters, int Duplicates, int Skipped, string? Error = null)
{
    public int Read => Opened + Threaded + DeadLetters + Duplicates + Skipped;
}

/// <summary>One host instance polls a mailbox at a time (the minute job and an admin's "poll now" may meet).</summary>
internal sealed class MailboxLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public SemaphoreSlim For(Guid mailboxId) => _locks.GetOrAdd(mailboxId, _ => new SemaphoreSlim(1, 1));
}

/// <summary>
/// The ingest loop: reads a mailbox's new mail over one IMAP session and takes each mail in its own scope and
/// transaction (<see cref="MailIngest"/>), so one bad mail never holds up the others. A mail that cannot be taken in is
/// stored as a dead letter; the read position passes a UID only in the transaction that stored its ticket, message or
/// dead letter, so a crash in between reads it again (and its Message-ID keeps it from doubling).
/// A benchmark times <see cref="PollAsync"/> (or <c>POST /api/service/mailboxes/{id}/poll</c>) over a filled folder.
/// </summary>
internal sealed class MailboxPoller(IServiceScopeFactory scopes, ServiceDbContext db, MailboxPasswords passwords, MailboxLocks locks, TimeProvider time, ILogger<MailboxPoller> logger)
{
    /// <summary>Mails per poll; the rest wait for the next minute.</summary>
    public const int Batch = 500;

    /// <summary>Mails read with one FETCH, and how many bytes at most (a larger mail is read alone).</summary>
    private const int FetchCount = 50;

    private const long FetchBytes = 32L * 1024 * 1024;

    public async Task<PollResult> PollAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var gate = locks.For(mailboxId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var mailbox = await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == mailboxId, cancellationToken)
                ?? throw new InvalidOperationException($"No mailbox {mailboxId}.");
            var result = await ReadAsync(mailbox, cancellationToken);
            await db.Entry(mailbox).ReloadAsync(cancellationToken);
            mailbox.Polled(time.GetUtcNow().UtcDateTime, result.Error);
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PollResult> ReadAsync(Mailbox mailbox, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<MailOutcome, int>();
        try
        {
            await using var connection = await ImapMailboxConnection.OpenAsync(mailbox, passwords.Unprotect(mailbox.ProtectedPassword), cancellationToken);
            var firstPoll = mailbox.UidValidity is null;
            if (mailbox.UidValidity != connection.UidValidity)
            {
                mailbox.StartOver(connection.UidValidity);
                await db.SaveChangesAsync(cancellationToken);
            }

            var uids = await connection.NewUidsAsync(mailbox.LastUid, firstPoll, Batch, cancellationToken);
            foreach (var group in await connection.GroupsAsync(uids, FetchCount, FetchBytes, cancellationToken))
            {
                var raws = await connection.ReadManyAsync(group, cancellationToken);
                foreach (var uid in group.Where(raws.ContainsKey))
                {
                    var outcome = await TakeInAsync(mailbox.Id, uid, raws[uid], cancellationToken);
                    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                }
            }

            return Result(counts, null);
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Polling mailbox {Mailbox} ({Address}) failed", mailbox.Id, mailbox.Address);
            return Result(counts, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>One mail in its own scope; what the ingest refuses or fails on becomes a dead letter in a fresh one.</summary>
    public async Task<MailOutcome> TakeInAsync(Guid mailboxId, long uid, byte[] raw, CancellationToken cancellationToken)
    {
        string reason;
        ParsedMail? mail = null;
        try
        {
            using var scope = scopes.CreateScope();
            var scoped = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
            var mailbox = await scoped.Set<Mailbox>().FirstAsync(m => m.Id == mailboxId, cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<MailIngest>().TakeInAsync(mailbox, uid, raw, cancellationToken);
            if (result.Outcome != MailOutcome.Refused)
            {
                return result.Outcome;
            }

            (reason, mail) = (result.Reason ?? "Refused.", result.Mail);
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (await TakenInMeanwhileAsync(mailboxId, uid, raw, cancellationToken))
            {
                return MailOutcome.Duplicate;
            }

            logger.LogWarning(e, "Taking in mail {Uid} of mailbox {Mailbox} failed; kept as a dead letter", uid, mailboxId);
            reason = $"{e.GetType().Name}: {e.Message}";
        }

        await KeepAsync(mailboxId, uid, raw, mail, reason, cancellationToken);
        return MailOutcome.Refused;
    }

    /// <summary>Another poll stored the same Message-ID first (the unique index refused ours): not a dead letter.</summary>
    private async Task<bool> TakenInMeanwhileAsync(Guid mailboxId, long uid, byte[] raw, CancellationToken cancellationToken)
    {
        if (ParsedMail.Parse(raw).Mail is not { } mail)
        {
            return false;
        }

        using var scope = scopes.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var messageId = ParsedMail.Normalize(mail.MessageId);
        if (!await scoped.Set<InboundMail>().AnyAsync(m => m.MessageId == messageId, cancellationToken))
        {
            return false;
        }

        var mailbox = await scoped.Set<Mailbox>().FirstAsync(m => m.Id == mailboxId, cancellationToken);
        mailbox.Passed(uid);
        await scoped.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task KeepAsync(Guid mailboxId, long uid, byte[] raw, ParsedMail? mail, string reason, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var mailbox = await scoped.Set<Mailbox>().FirstAsync(m => m.Id == mailboxId, cancellationToken);
        var messageId = mail is null ? null : ParsedMail.Normalize(mail.MessageId);
        var known = messageId is not null && await scoped.Set<DeadLetter>().AnyAsync(d => d.MailboxId == mailboxId && d.MessageId == messageId, cancellationToken);
        if (!known)
        {
            scoped.Add(DeadLetter.Of(mailboxId, uid, raw, messageId, mail?.FromAddress, mail?.Subject, reason, time.GetUtcNow().UtcDateTime));
        }

        mailbox.Passed(uid);
        await scoped.SaveChangesAsync(cancellationToken);
    }

    private static PollResult Result(Dictionary<MailOutcome, int> counts, string? error) => new(
        counts.GetValueOrDefault(MailOutcome.Opened),
        counts.GetValueOrDefault(MailOutcome.Threaded),
        counts.GetValueOrDefault(MailOutcome.Refused),
        counts.GetValueOrDefault(MailOutcome.Duplicate),
        counts.GetValueOrDefault(MailOutcome.NotForMailbox),
        error);
}
