using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Application.Engine;

/// <summary>
/// Fills an <see cref="AnalyticalStore"/> for one recompute: the customers as members has them now (streamed from its
/// feed, active ones only) and the module's own facts, each with DuckDB's appender.
/// </summary>
internal sealed class FactLoader(AnalysisDbContext db, ICustomerFeed customers)
{
    public const int PageSize = 5_000;

    public async Task<int> LoadCustomersAsync(AnalyticalStore store, Action<int> progress, CancellationToken cancellationToken)
    {
        var count = 0;
        using var appender = store.Appender("customers");
        Guid? after = null;
        while (true)
        {
            var page = await customers.ReadCustomersAsync(after, PageSize, cancellationToken);
            foreach (var customer in page.Where(c => c.IsActive))
            {
                AnalyticalStore.AppendCustomer(appender, customer);
                count++;
            }

            if (page.Count < PageSize)
            {
                return count;
            }

            after = page[^1].Id;
            progress(count);
        }
    }

    /// <summary>
    /// The purchase facts, read with a plain data reader of the module's table (EF's materialization would cost more
    /// than the appender) and appended as they come.
    /// </summary>
    public async Task<long> LoadPurchasesAsync(AnalyticalStore store, Action<long> progress, CancellationToken cancellationToken)
    {
        var facts = db.Set<PurchaseFact>().AsNoTracking().Select(p => new { p.CustomerId, p.StoreCode, p.ReceiptId, p.PurchasedAt, p.Amount });
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = facts.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            long count = 0;
            using var appender = store.Appender("purchases");
            while (await reader.ReadAsync(cancellationToken))
            {
                appender.CreateRow()
                    .AppendValue(reader.GetGuid(0))
                    .AppendValue(reader.IsDBNull(1) ? null : reader.GetString(1))
                    .AppendValue(reader.IsDBNull(2) ? null : reader.GetString(2))
                    .AppendValue(reader.GetDateTime(3))
                    .AppendValue(reader.GetInt64(4))
                    .EndRow();
                if (++count % 100_000 == 0)
                {
                    progress(count);
                }
            }

            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task LoadServiceAndCardsAsync(AnalyticalStore store, CancellationToken cancellationToken)
    {
        using (var tickets = store.Appender("tickets"))
        {
            await foreach (var t in db.Set<TicketFact>().AsNoTracking().Where(t => t.CustomerId != null)
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                tickets.CreateRow().AppendValue(t.CustomerId).AppendValue(t.IsComplaint).AppendValue(t.OpenedAt).AppendValue(t.CsatScore).AppendValue(t.CsatAt).EndRow();
            }
        }

        using (var receipts = store.Appender("card_receipts"))
        {
            var paid = from e in db.Set<CardEntryFact>().AsNoTracking()
                       where e.Kind == LedgerEntryKind.Payment && e.ReceiptId != null
                       join c in db.Set<CardFact>().AsNoTracking() on e.CardId equals c.Id
                       select new { e.ReceiptId, c.ProductCode };
            await foreach (var r in paid.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                receipts.CreateRow().AppendValue(r.ReceiptId).AppendValue(r.ProductCode).EndRow();
            }
        }

        using var returns = store.Appender("card_returns");
        var returned = from e in db.Set<CardEntryFact>().AsNoTracking()
                       where e.Kind == LedgerEntryKind.Refund || e.Kind == LedgerEntryKind.Reversal
                       join c in db.Set<CardFact>().AsNoTracking() on e.CardId equals c.Id
                       where c.CustomerId != null
                       select new { c.CustomerId, e.OccurredAt };
        await foreach (var r in returned.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            returns.CreateRow().AppendValue(r.CustomerId).AppendValue(r.OccurredAt).EndRow();
        }
    }
}
