using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>
/// Customer codes in the tenant's format, e.g. <c>C{yyyy}{seq:6}</c> → <c>C2026000042</c>. The
/// sequence is kept per tenant and per fixed part of the code (so a yearly format restarts each
/// year) and incremented atomically; the database's unique index on the code is the last guard.
/// </summary>
internal sealed partial class CustomerCodeGenerator(MembersDbContext db)
{
    public static string? ValidateFormat(string format) =>
        !SequencePattern().IsMatch(format) ? "The code format needs a {seq:N} part, e.g. C{yyyy}{seq:6}."
        : format.Length > 30 ? "The code format is too long."
        : null;

    public async Task<string> NextAsync(string format, CancellationToken cancellationToken) =>
        (await NextBlockAsync(format, 1, cancellationToken))[0];

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive codes with one update of the sequence, for
    /// imports. Codes of a block that is never saved are skipped, as with single codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> NextBlockAsync(string format, int count, CancellationToken cancellationToken)
    {
        if (ValidateFormat(format) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        if (count < 1)
        {
            return [];
        }

        var now = DateTime.UtcNow;
        var fixedPart = format
            .Replace("{yyyy}", now.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{yy}", now.ToString("yy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{MM}", now.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var sequenceName = "customer:" + SequencePattern().Replace(fixedPart, "#");
        var first = await NextValueAsync(sequenceName, count, cancellationToken);
        var codes = new string[count];
        for (var i = 0; i < count; i++)
        {
            var value = first + i;
            codes[i] = SequencePattern().Replace(fixedPart, m => value.ToString(CultureInfo.InvariantCulture).PadLeft(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), '0'));
        }

        return codes;
    }

    /// <summary>Takes the next <paramref name="count"/> values of a named sequence, creating it on first use; returns the first.</summary>
    private async Task<long> NextValueAsync(string name, int count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var updated = await db.Set<CodeSequence>().Where(s => s.Name == name)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), cancellationToken);
            if (updated == 1)
            {
                var next = await db.Set<CodeSequence>().Where(s => s.Name == name).Select(s => s.NextValue).SingleAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return next - count;
            }

            db.Set<CodeSequence>().Add(new CodeSequence { Name = name, NextValue = 1 + count });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return 1;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another request created the sequence first; increment it instead
            }
        }
    }

    [GeneratedRegex(@"\{seq:(\d{1,2})\}")]
    private static partial Regex SequencePattern();
}
