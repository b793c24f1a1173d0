using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>
/// Records purchases (消费记录) against customers of the current tenant, for the API and the CSV import.
/// Idempotent by receipt id: the same receipt again returns the first purchase; other content under
/// the same receipt id is a conflict. The purchase, the customer's statistics, the lifecycle change and
/// the events are written together; in a caller's open transaction nothing is committed here.
/// </summary>
internal sealed class PurchaseRecorder(
    MembersDbContext db,
    ISettingProvider settings,
    IEventBus events,
    LifecycleService lifecycle,
    TimeProvider time)
{
    public const string ApiSource = "api";

    /// <param name="input">The receipt as sent.</param>
    /// <param name="source">Where it came from: <see cref="ApiSource"/>, <c>import</c>, or a plugin's name.</param>
    /// <param name="cancellationToken">Stops the work; a half-done purchase is rolled back.</param>
    public async Task<Result<RecordedPurchase>> RecordAsync(PurchaseInput input, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mainCurrency = await settings.GetAsync(MembersSettings.Currency, cancellationToken) ?? "CNY";
        var (draft, errors) = PurchaseNormalizer.Normalize(input, mainCurrency, time.GetUtcNow().UtcDateTime);
        var customer = await ResolveCustomerAsync(input, errors, cancellationToken);
        if (errors.Count > 0 || customer is null)
        {
            return MembersRefusals.Invalid("The purchase is not valid", errors);
        }

        if (await FindAsync(draft.ReceiptId, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, draft, customer.Value.Id, cancellationToken);
        }

        draft.Id = Guid.NewGuid();
        draft.CustomerId = customer.Value.Id;
        var origin = string.IsNullOrWhiteSpace(source) ? ApiSource : source.Trim();
        draft.Source = origin.Length > 50 ? origin[..50] : origin;
        draft.RecordedAt = time.GetUtcNow().UtcDateTime;
        foreach (var line in draft.Lines)
        {
            line.Id = Guid.NewGuid();
            line.PurchaseId = draft.Id;
        }

        try
        {
            return await db.AtomicAsync(async () =>
            {
                // The update locks the customer's row first, so a parallel post of the same receipt waits
                // here and then finds it below; the unique index (TenantId, ReceiptId) catches the rest.
                await AddToStatsAsync(draft, mainCurrency, cancellationToken);
                if (await FindAsync(draft.ReceiptId, cancellationToken) is { } meanwhile)
                {
                    return (await ReplayAsync(meanwhile, draft, draft.CustomerId, cancellationToken), false);
                }

                db.Set<Purchase>().Add(draft);
                events.Publish(new PurchaseRecordedIntegrationEvent(draft.Id, draft.CustomerId, customer.Value.Code, draft.ReceiptId, draft.StoreCode,
                    draft.PurchasedAt, draft.Amount, draft.Currency, draft.Tender));
                await lifecycle.ReevaluateAsync(draft.CustomerId, await lifecycle.RulesAsync(cancellationToken), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return ((Result<RecordedPurchase>)new RecordedPurchase(PurchaseView.From(draft, customer.Value.Code), AlreadyRecorded: false), true);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost the race on the unique receipt index (another customer, or no row lock): answer as a replay.
            if (await FindAsync(draft.ReceiptId, cancellationToken) is { } winner)
            {
                return await ReplayAsync(winner, draft, draft.CustomerId, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>Adds a purchase to the customer's statistics in one statement, so that parallel tills never lose one.</summary>
    private Task<int> AddToStatsAsync(Purchase purchase, string mainCurrency, CancellationToken cancellationToken)
    {
        var at = purchase.PurchasedAt;
        var total = purchase.Currency == mainCurrency ? purchase.Amount : 0;
        var customers = db.Set<Customer>().Where(c => c.Id == purchase.CustomerId);
        if (purchase.Amount < 0)
        {
            // A return lowers the total; it is not a visit and does not move the purchase dates.
            return customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.PurchaseTotal, c => c.PurchaseTotal + total), cancellationToken);
        }

        return customers.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PurchaseCount, c => c.PurchaseCount + 1)
            .SetProperty(c => c.PurchaseTotal, c => c.PurchaseTotal + total)
            .SetProperty(c => c.FirstPurchaseAt, c => c.FirstPurchaseAt == null || c.FirstPurchaseAt > at ? at : c.FirstPurchaseAt)
            .SetProperty(c => c.LastPurchaseAt, c => c.LastPurchaseAt == null || c.LastPurchaseAt < at ? at : c.LastPurchaseAt), cancellationToken);
    }

    private Task<Purchase?> FindAsync(string receiptId, CancellationToken cancellationToken) =>
        db.Set<Purchase>().AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.ReceiptId == receiptId, cancellationToken);

    /// <summary>
    /// The same receipt again: the first purchase when the content is the same; else a conflict naming the
    /// receipt, the purchase it is recorded as and the fields that differ (under <c>errors</c>). Nothing is recorded.
    /// </summary>
    private async Task<Result<RecordedPurchase>> ReplayAsync(Purchase earlier, Purchase replayed, Guid customerId, CancellationToken cancellationToken)
    {
        var code = await db.Set<Customer>().Where(c => c.Id == earlier.CustomerId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken) ?? "";
        var differences = PurchaseNormalizer.Differences(earlier, replayed, customerId);
        if (differences.Count == 0)
        {
            return new RecordedPurchase(PurchaseView.From(earlier, code), AlreadyRecorded: true);
        }

        return Refusal.Conflict("members/receipt-conflict",
                "Receipt {0} is recorded as purchase {1}; it differs in: {2}. Use a new receipt id for a new purchase.",
                earlier.ReceiptId, earlier.Id, string.Join(", ", differences))
            .Titled("The receipt was recorded with other content") with
        {
            Fields = [.. differences.Select(field => new FieldRefusal(field, LocalizableText.Of("Differs from the receipt recorded before.")))],
        };
    }

    /// <summary>The active customer named by id or code; a merged one resolves to its survivor. Tills see every customer of the tenant.</summary>
    private async Task<(Guid Id, string Code)?> ResolveCustomerAsync(PurchaseInput input, List<FieldRefusal> errors, CancellationToken cancellationToken)
    {
        var field = input.CustomerId is null ? "customerCode" : "customerId";
        var customers = db.Set<Customer>().AsNoTracking();
        var code = input.CustomerCode?.Trim().ToUpperInvariant();
        var found = input.CustomerId is { } id
            ? await customers.Where(c => c.Id == id).Select(c => new { c.Id, c.Code, c.Status, c.MergedIntoId }).FirstOrDefaultAsync(cancellationToken)
            : string.IsNullOrEmpty(code)
                ? null
                : await customers.Where(c => c.Code == code)
                    .OrderBy(c => c.Status).Select(c => new { c.Id, c.Code, c.Status, c.MergedIntoId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            if (input.CustomerId is not null || !string.IsNullOrWhiteSpace(input.CustomerCode))
            {
                if (input.CustomerId is null)
                {
                    errors.Add(field, "No customer of this tenant has this code.");
                }
                else
                {
                    errors.Add(field, "No customer of this tenant has this id.");
                }
            }

            return null;
        }

        if (input.CustomerId is not null && !string.IsNullOrWhiteSpace(input.CustomerCode)
            && !string.Equals(found.Code, input.CustomerCode.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("customerCode", "The code belongs to another customer than customerId.");
            return null;
        }

        for (var hops = 0; found is { Status: CustomerStatus.Merged, MergedIntoId: { } survivor } && hops < 10; hops++)
        {
            found = await customers.Where(c => c.Id == survivor).Select(c => new { c.Id, c.Code, c.Status, c.MergedIntoId }).FirstOrDefaultAsync(cancellationToken);
        }

        if (found is not { Status: CustomerStatus.Active })
        {
            errors.Add(field, "The customer was deleted; record the purchase against another one.");
            return null;
        }

        return (found.Id, found.Code);
    }
}
