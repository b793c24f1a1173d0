using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Lifecycle;

internal sealed record LifecycleChangeView(Guid Id, LifecycleClass From, LifecycleClass To, string Reason, DateTime ChangedAt);

internal sealed record RecomputeResult(int Evaluated, int Changed);

/// <summary>A class set by hand: the customer's class now, and the change made (null when it was the class already).</summary>
internal sealed record LifecycleSet(LifecycleClass Class, LifecycleChangeView? Change);

/// <summary>
/// Keeps lifecycle classes current: after each purchase, for the whole tenant (daily job, on demand),
/// and by hand for the classes purchases cannot tell (advocate, possible buyer). Every change leaves a
/// <see cref="LifecycleChange"/> row and publishes <see cref="CustomerLifecycleChangedIntegrationEvent"/>.
/// </summary>
internal sealed class LifecycleService(
    MembersDbContext db,
    ISettingProvider settings,
    IEventBus events,
    ICurrentUser currentUser,
    CustomerService customers,
    TimeProvider time)
{
    private const int ChunkSize = 500;

    /// <summary>Classes a user may set by hand; the buyer classes and dormant follow from purchases.</summary>
    public static readonly IReadOnlySet<LifecycleClass> SetByHand = new HashSet<LifecycleClass>
    {
        LifecycleClass.NonCustomer, LifecycleClass.QualifiedProspect, LifecycleClass.PossibleBuyer, LifecycleClass.Advocate,
    };

    public async Task<LifecycleRules> RulesAsync(CancellationToken cancellationToken) => new(
        new LifecycleThresholds(
            await settings.GetIntAsync(MembersSettings.DormantAfterDays, cancellationToken),
            await settings.GetIntAsync(MembersSettings.RepeatAfterPurchases, cancellationToken),
            await settings.GetIntAsync(MembersSettings.LoyalAfterPurchases, cancellationToken),
            await settings.GetIntAsync(MembersSettings.LoyalMinimumTotal, cancellationToken)),
        time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Applies the rules to one customer as stored now, inside the caller's unit of work: the class is
    /// changed at once, the history row and the event are saved by the caller's next SaveChanges.
    /// </summary>
    public async Task<LifecycleChange?> ReevaluateAsync(Guid customerId, LifecycleRules rules, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.LifecycleClass, c.PurchaseCount, c.PurchaseTotal, c.LastPurchaseAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var verdict = rules.Evaluate(customer.LifecycleClass, new PurchaseStats(customer.PurchaseCount, customer.PurchaseTotal, customer.LastPurchaseAt));
        return verdict.Class == customer.LifecycleClass
            ? null
            : await ChangeAsync(customerId, customer.LifecycleClass, verdict.Class, verdict.Reason, cancellationToken);
    }

    /// <summary>Applies the rules to every active customer with purchases of the current tenant (e.g. for dormancy).</summary>
    public async Task<RecomputeResult> RecomputeAsync(CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        int evaluated = 0, changed = 0;
        for (var page = 0; ; page++)
        {
            var chunk = await db.Set<Customer>().AsNoTracking()
                .Where(c => c.Status == CustomerStatus.Active && c.PurchaseCount > 0)
                .OrderBy(c => c.Id)
                .Skip(page * ChunkSize).Take(ChunkSize)
                .Select(c => new { c.Id, c.LifecycleClass, c.PurchaseCount, c.PurchaseTotal, c.LastPurchaseAt })
                .ToListAsync(cancellationToken);
            evaluated += chunk.Count;
            var due = chunk
                .Select(c => (c.Id, From: c.LifecycleClass, Verdict: rules.Evaluate(c.LifecycleClass, new PurchaseStats(c.PurchaseCount, c.PurchaseTotal, c.LastPurchaseAt))))
                .Where(c => c.Verdict.Class != c.From)
                .ToList();
            if (due.Count > 0)
            {
                changed += await db.AtomicAsync(async () =>
                {
                    var done = 0;
                    foreach (var (id, from, verdict) in due)
                    {
                        done += await ChangeAsync(id, from, verdict.Class, verdict.Reason, cancellationToken) is null ? 0 : 1;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    return (done, true);
                }, cancellationToken);
            }

            if (chunk.Count < ChunkSize)
            {
                return new RecomputeResult(evaluated, changed);
            }
        }
    }

    /// <summary>Sets a class by hand (advocate, possible buyer...) for a customer the user may see.</summary>
    public async Task<Result<LifecycleSet>> SetAsync(Guid customerId, LifecycleClass target, string reason, CancellationToken cancellationToken)
    {
        var customer = await (await customers.VisibleAsync(cancellationToken)).AsNoTracking()
            .Where(c => c.Id == customerId && c.Status == CustomerStatus.Active)
            .Select(c => new { c.LifecycleClass, c.PurchaseCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return MembersRefusals.CustomerNotFound;
        }

        var errors = new List<FieldRefusal>();
        if (!SetByHand.Contains(target))
        {
            errors.Add("class", "{0} follows from the purchases; by hand only {1} can be set.", target, string.Join(", ", SetByHand));
        }
        else if (target != LifecycleClass.Advocate && customer.PurchaseCount > 0)
        {
            errors.Add("class", "The customer has bought {0} times; {1} is for customers without purchases.", customer.PurchaseCount, target);
        }

        if (errors.Count > 0)
        {
            return MembersRefusals.Invalid("The class cannot be set", errors);
        }

        if (customer.LifecycleClass == target)
        {
            return new LifecycleSet(target, null);
        }

        var change = await db.AtomicAsync(async () =>
        {
            var made = await ChangeAsync(customerId, customer.LifecycleClass, target, $"set by {currentUser.UserName ?? "unknown"}: {reason.Trim()}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (made, made is not null);
        }, cancellationToken);
        return change is null ? new LifecycleSet(customer.LifecycleClass, null) : new LifecycleSet(change.To, View(change));
    }

    /// <summary>A visible customer's class changes, newest first; null when the customer is not visible.</summary>
    public async Task<IReadOnlyList<LifecycleChangeView>?> HistoryAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await (await customers.VisibleAsync(cancellationToken)).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var changes = await db.Set<LifecycleChange>().AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.ChangedAt).Take(500).ToListAsync(cancellationToken);
        return changes.Select(View).ToList();
    }

    /// <summary>Moves a customer from one class to another unless someone moved it meanwhile (then null).</summary>
    private async Task<LifecycleChange?> ChangeAsync(Guid customerId, LifecycleClass from, LifecycleClass to, string reason, CancellationToken cancellationToken)
    {
        var moved = await db.Set<Customer>().Where(c => c.Id == customerId && c.LifecycleClass == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LifecycleClass, to), cancellationToken);
        if (moved == 0)
        {
            return null;
        }

        var change = new LifecycleChange
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            From = from,
            To = to,
            Reason = reason.Length > 300 ? reason[..300] : reason,
            ChangedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<LifecycleChange>().Add(change);
        events.Publish(new CustomerLifecycleChangedIntegrationEvent(customerId, from.ToString(), to.ToString(), change.Reason));
        return change;
    }

    private static LifecycleChangeView View(LifecycleChange c) => new(c.Id, c.From, c.To, c.Reason, PurchaseView.Utc(c.ChangedAt));
}
