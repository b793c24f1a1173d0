using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>
/// Many sales in one transaction with the rules of <see cref="PurchaseRecorder"/> but the write of an import: each
/// sale normalized and checked first (every one or none is written), receipts recorded before skipped, the rows
/// written with the kernel's bulk writer (audit and events included), each customer's figures moved by one set-based
/// update and the lifecycle class evaluated once per customer. A thousand sales cost what a few single ones do.
/// </summary>
internal sealed class PurchaseBatch(MembersDbContext db, ISettingProvider settings, IBulkWriter bulk, LifecycleService lifecycle, TimeProvider time)
{
    private const int Chunk = 500;

    public async Task<Result<int>> RecordAllAsync(IReadOnlyList<PurchaseInput> inputs, string source, CancellationToken cancellationToken)
    {
        var mainCurrency = await settings.GetAsync(MembersSettings.Currency, cancellationToken) ?? "CNY";
        var now = time.GetUtcNow().UtcDateTime;
        var drafts = new List<Purchase>();
        foreach (var (input, i) in inputs.Select((x, i) => (x, i)))
        {
            var (draft, errors) = PurchaseNormalizer.Normalize(input, mainCurrency, now);
            if (input.CustomerId is null)
            {
                errors.Add(new FieldRefusal("customerId", LocalizableText.Of("Name the customer.")));
            }

            if (errors.Count > 0)
            {
                return MembersRefusals.Invalid("The purchase is not valid", [.. errors.Select(e => e with { Field = $"sales[{i}].{e.Field}" })]);
            }

            draft.CustomerId = input.CustomerId!.Value;
            drafts.Add(draft);
        }

        var customerIds = drafts.Select(d => d.CustomerId).Distinct().ToList();
        var codes = new Dictionary<Guid, string>();
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in customerIds.Chunk(Chunk))
        {
            foreach (var c in await db.Set<Customer>().AsNoTracking().Where(c => chunk.Contains(c.Id) && c.Status == CustomerStatus.Active).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken))
            {
                codes[c.Id] = c.Code;
            }
        }

        foreach (var chunk in drafts.Select(d => d.ReceiptId).Distinct().Chunk(Chunk))
        {
            receipts.UnionWith(await db.Set<Purchase>().AsNoTracking().Where(p => chunk.Contains(p.ReceiptId)).Select(p => p.ReceiptId).ToListAsync(cancellationToken));
        }

        var unknown = drafts.FindIndex(d => !codes.ContainsKey(d.CustomerId));
        if (unknown >= 0)
        {
            return MembersRefusals.Invalid("The purchase is not valid", [new FieldRefusal($"sales[{unknown}].customerId", LocalizableText.Of("There is no active customer {0}.", drafts[unknown].CustomerId))]);
        }

        var fresh = drafts.Where(d => receipts.Add(d.ReceiptId)).ToList();
        var origin = string.IsNullOrWhiteSpace(source) ? PurchaseRecorder.ApiSource : source.Trim();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (var write = bulk.Open(db))
        {
            foreach (var draft in fresh)
            {
                draft.Id = Guid.NewGuid();
                draft.Source = origin.Length > 50 ? origin[..50] : origin;
                draft.RecordedAt = now;
                await write.InsertAsync(draft, cancellationToken);
                foreach (var line in draft.Lines)
                {
                    line.Id = Guid.NewGuid();
                    line.PurchaseId = draft.Id;
                    await write.InsertAsync(line, cancellationToken);
                }

                await write.PublishAsync(new PurchaseRecordedIntegrationEvent(draft.Id, draft.CustomerId, codes[draft.CustomerId], draft.ReceiptId, draft.StoreCode,
                    draft.PurchasedAt, draft.Amount, draft.Currency, draft.Tender), cancellationToken);
            }
        }

        var rules = await lifecycle.RulesAsync(cancellationToken);
        foreach (var bought in fresh.GroupBy(d => d.CustomerId))
        {
            var visits = bought.Where(p => p.Amount >= 0).ToList();
            var count = visits.Count;
            var total = bought.Where(p => p.Currency == mainCurrency).Sum(p => p.Amount);
            DateTime? first = count > 0 ? visits.Min(p => p.PurchasedAt) : null;
            DateTime? last = count > 0 ? visits.Max(p => p.PurchasedAt) : null;
            await db.Set<Customer>().Where(c => c.Id == bought.Key).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PurchaseCount, c => c.PurchaseCount + count)
                .SetProperty(c => c.PurchaseTotal, c => c.PurchaseTotal + total)
                .SetProperty(c => c.FirstPurchaseAt, c => first == null ? c.FirstPurchaseAt : c.FirstPurchaseAt == null || c.FirstPurchaseAt > first ? first : c.FirstPurchaseAt)
                .SetProperty(c => c.LastPurchaseAt, c => last == null ? c.LastPurchaseAt : c.LastPurchaseAt == null || c.LastPurchaseAt < last ? last : c.LastPurchaseAt), cancellationToken);
            await lifecycle.ReevaluateAsync(bought.Key, rules, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return fresh.Count;
    }
}
