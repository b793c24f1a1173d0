using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Merging;

/// <summary>
/// Customers to merge into a survivor, with the customer whose value to keep per field, and
/// optionally the versions read (a merge is refused when any of them changed since).
/// </summary>
internal sealed record MergeCommand(
    Guid SurvivorId,
    IReadOnlyList<Guid> MergedIds,
    IReadOnlyDictionary<string, Guid>? FieldChoices,
    IReadOnlyDictionary<Guid, long>? Versions);

/// <summary>A merge done: its record and the survivor as it is now.</summary>
internal sealed record CustomersMerged(Guid MergeId, CustomerDetails Survivor);

/// <summary>
/// Merges duplicates into a survivor in one transaction: chosen values, the union of tags, contacts,
/// addresses and anniversaries, purchases moved, merged records kept as Merged with a pointer to the
/// survivor, a <see cref="MergeRecord"/> with their snapshot, and an integration event so that other
/// modules move their rows too.
/// </summary>
internal sealed class MergeService(MembersDbContext db, CustomerService customers, ICurrentUser currentUser, IEventBus events)
{
    /// <summary>More than this at once is more likely a mistake than a cluster of duplicates.</summary>
    public const int MaxMerged = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The customers as the merge screen shows them, in the given order; missing or inactive ones left out.</summary>
    public async Task<IReadOnlyList<Customer>> LoadForScreenAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = await CustomerService.Load(await customers.VisibleAsync(cancellationToken)).AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CustomerStatus.Active)
            .ToListAsync(cancellationToken);
        return ids.Distinct().Select(id => found.FirstOrDefault(c => c.Id == id)).OfType<Customer>().ToList();
    }

    public async Task<Result<CustomersMerged>> MergeAsync(MergeCommand command, CancellationToken cancellationToken)
    {
        var mergedIds = command.MergedIds.Distinct().ToList();
        var choices = command.FieldChoices ?? new Dictionary<string, Guid>();
        if (Validate(command, mergedIds, choices) is { } invalid)
        {
            return invalid;
        }

        var ids = mergedIds.Prepend(command.SurvivorId).ToList();
        var loaded = await CustomerService.Load(await customers.VisibleAsync(cancellationToken)).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => loaded.All(c => c.Id != id)) is var missing && missing != Guid.Empty)
        {
            return Refusal.NotFound(MembersRefusals.NotFoundCode, "Customer {0} does not exist or is outside your data scope.", missing).Titled("No such customer");
        }

        var involved = ids.Select(id => loaded.Single(c => c.Id == id)).ToList();
        if (involved.FirstOrDefault(c => c.Status != CustomerStatus.Active) is { } inactive)
        {
            return NotActive(inactive);
        }

        foreach (var (id, version) in command.Versions ?? new Dictionary<Guid, long>())
        {
            if (involved.FirstOrDefault(c => c.Id == id) is { } customer && customer.Version != version)
            {
                return ChangedMeanwhile(id);
            }
        }

        var survivor = involved[0];
        var merged = involved.Skip(1).ToList();
        var snapshot = JsonSerializer.Serialize(merged.Select(CustomerDetails.From).ToList(), Json);
        // Every way of reaching the customer, taken before the chosen primary phone and e-mail replace the survivor's.
        var reach = involved.SelectMany(c => c.ContactPoints.Select(p => (p.Kind, p.Value, p.Label))
            .Concat([(ContactPointKind.Phone, c.Phone ?? "", (string?)null), (ContactPointKind.Email, c.Email ?? "", null)])).ToList();
        var kept = ApplyFieldChoices(involved, choices);
        UniteCollections(survivor, merged, reach);
        await MovePurchasesAsync(survivor, merged, cancellationToken);
        await RepointChildrenAsync(survivor, mergedIds, cancellationToken);
        await CloseOpenWorkAsync(survivor, mergedIds, cancellationToken);

        var now = DateTime.UtcNow;
        foreach (var customer in merged)
        {
            customer.Status = CustomerStatus.Merged;
            customer.MergedIntoId = survivor.Id;
            customer.UpdatedAt = now;
            customer.Version++;
        }

        survivor.UpdatedAt = now;
        survivor.Version++;
        var record = new MergeRecord
        {
            Id = Guid.NewGuid(),
            SurvivorId = survivor.Id,
            MergedIds = string.Join(",", mergedIds),
            Snapshot = snapshot,
            FieldChoices = JsonSerializer.Serialize(kept, Json),
            MergedBy = currentUser.UserName ?? "unknown",
            MergedAt = now,
        };
        db.Set<MergeRecord>().Add(record);
        events.Publish(new CustomersMergedIntegrationEvent(survivor.Id, survivor.Code, mergedIds, record.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var changed = e.Entries.Select(x => x.Entity).OfType<Customer>().FirstOrDefault() ?? survivor;
            return ChangedMeanwhile(changed.Id);
        }

        return new CustomersMerged(record.Id, CustomerDetails.From(survivor));
    }

    private static Refusal? Validate(MergeCommand command, List<Guid> mergedIds, IReadOnlyDictionary<string, Guid> choices)
    {
        if (command.SurvivorId == Guid.Empty)
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "survivorId", "Name the customer that survives the merge.");
        }

        if (mergedIds.Count == 0 || mergedIds.Contains(Guid.Empty))
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "mergedIds", "Name at least one customer to merge into the survivor.");
        }

        if (mergedIds.Contains(command.SurvivorId))
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "mergedIds", "A customer cannot be merged into itself.");
        }

        if (mergedIds.Count > MaxMerged)
        {
            return Refusal.Invalid(MembersRefusals.InvalidCode, "mergedIds", "At most {0} customers can be merged at once.", MaxMerged);
        }

        foreach (var (field, id) in choices)
        {
            if (!MergeFields.IsKnown(field))
            {
                return Refusal.Invalid(MembersRefusals.InvalidCode, $"fieldChoices.{field}", "'{0}' is not a field a merge can choose. Known: {1}, custom.{{key}}.",
                    field, string.Join(", ", MergeFields.All.Select(f => f.Name)));
            }

            if (id != command.SurvivorId && !mergedIds.Contains(id))
            {
                return Refusal.Invalid(MembersRefusals.InvalidCode, $"fieldChoices.{field}", "The value must come from the survivor or one of the merged customers.");
            }
        }

        return null;
    }

    /// <summary>A customer was merged or deleted already.</summary>
    private static Refusal NotActive(Customer customer) =>
        (customer.MergedIntoId is { } into
            ? Refusal.Conflict("members/not-active", "Customer {0} was merged into {1}.", customer.Id, into)
            : Refusal.Conflict("members/not-active", "Customer {0} is {1}.", customer.Id, customer.Status))
        .Titled("The customer was merged or deleted already");

    /// <summary>A customer changed since it was read (<see cref="Customer.Version"/>).</summary>
    private static Refusal ChangedMeanwhile(Guid customerId) =>
        Refusal.Conflict("members/version-conflict", "Customer {0} changed since you read it; look at it again and repeat the merge.", customerId)
            .Titled("A customer was changed meanwhile");

    /// <summary>Copies the chosen values onto the survivor; returns whose value each field kept.</summary>
    private static SortedDictionary<string, Guid> ApplyFieldChoices(List<Customer> involved, IReadOnlyDictionary<string, Guid> choices)
    {
        var survivor = involved[0];
        var chosen = choices.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        var kept = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var field in MergeFields.All)
        {
            var source = MergeFields.Pick(involved, chosen.TryGetValue(field.Name, out var id) ? id : null, field.IsEmpty);
            kept[field.Name] = source.Id;
            if (source != survivor)
            {
                field.Copy(survivor, source);
            }
        }

        foreach (var key in involved.SelectMany(c => c.CustomFields).Select(f => f.FieldKey).Distinct(StringComparer.Ordinal).ToList())
        {
            var name = MergeFields.CustomPrefix + key;
            var source = MergeFields.Pick(involved, chosen.TryGetValue(name, out var id) ? id : null,
                c => string.IsNullOrEmpty(c.CustomFields.FirstOrDefault(f => f.FieldKey == key)?.Value));
            kept[name] = source.Id;
            if (source == survivor || source.CustomFields.FirstOrDefault(f => f.FieldKey == key) is not { } value)
            {
                continue;
            }

            if (survivor.CustomFields.FirstOrDefault(f => f.FieldKey == key) is { } existing)
            {
                existing.Value = value.Value;
            }
            else
            {
                survivor.CustomFields.Add(new CustomerFieldValue { FieldKey = key, Value = value.Value });
            }
        }

        return kept;
    }

    /// <summary>
    /// The survivor gets every tag, contact point, address and anniversary of the merged records that it
    /// lacks. Phones and e-mails that lost the choice of primary value stay as extra contact points, so no
    /// way of reaching the customer is lost. The merged records keep theirs, as they were.
    /// </summary>
    /// <remarks>New rows are added without an id: EF Core generates it and tracks them as new (with an id set, it would take them for existing rows).</remarks>
    private static void UniteCollections(Customer survivor, IReadOnlyList<Customer> merged, IReadOnlyList<(ContactPointKind Kind, string Value, string? Label)> reach)
    {
        foreach (var tag in merged.SelectMany(c => c.Tags).Select(t => t.Tag).Distinct(StringComparer.Ordinal))
        {
            if (survivor.Tags.All(t => t.Tag != tag))
            {
                survivor.Tags.Add(new CustomerTag { Tag = tag });
            }
        }

        var reachable = survivor.ContactPoints.Select(p => (p.Kind, p.Value)).ToHashSet();
        AddReachable(ContactPointKind.Phone, survivor.Phone);
        AddReachable(ContactPointKind.Email, survivor.Email);
        foreach (var (kind, value, label) in reach)
        {
            if (value.Length > 0 && AddReachable(kind, value))
            {
                survivor.ContactPoints.Add(new CustomerContactPoint { Kind = kind, Value = value, Label = label });
            }
        }

        bool AddReachable(ContactPointKind kind, string? value) => value is { Length: > 0 } && reachable.Add((kind, value));

        var addresses = survivor.Addresses.Select(a => (a.Kind, DuplicateFinder.AddressKey(a.Street, a.Postcode))).ToHashSet();
        foreach (var address in merged.SelectMany(c => c.Addresses).ToList())
        {
            if (addresses.Add((address.Kind, DuplicateFinder.AddressKey(address.Street, address.Postcode))))
            {
                survivor.Addresses.Add(new CustomerAddress
                {
                    Kind = address.Kind,
                    Region = address.Region,
                    Province = address.Province,
                    City = address.City,
                    District = address.District,
                    Street = address.Street,
                    Postcode = address.Postcode,
                    IsDefault = address.IsDefault && !survivor.Addresses.Any(a => a.Kind == address.Kind && a.IsDefault),
                });
            }
        }

        var dates = survivor.Anniversaries.Select(a => (a.Label.ToUpperInvariant(), a.Date)).ToHashSet();
        foreach (var anniversary in merged.SelectMany(c => c.Anniversaries).ToList())
        {
            if (dates.Add((anniversary.Label.ToUpperInvariant(), anniversary.Date)))
            {
                survivor.Anniversaries.Add(new CustomerAnniversary { Label = anniversary.Label, Date = anniversary.Date });
            }
        }
    }

    /// <summary>
    /// Purchases move to the survivor; its figures become the sum of all (they are kept additively by
    /// the purchase recorder, so adding the merged records' figures equals recounting), and the merged
    /// records' figures go to zero. The lifecycle class is the one of the most recent buyer; the class
    /// history of each record stays with it.
    /// </summary>
    private async Task MovePurchasesAsync(Customer survivor, IReadOnlyList<Customer> merged, CancellationToken cancellationToken)
    {
        var mergedIds = merged.Select(c => c.Id).ToList();
        foreach (var purchase in await db.Set<Purchase>().Where(p => mergedIds.Contains(p.CustomerId)).ToListAsync(cancellationToken))
        {
            purchase.CustomerId = survivor.Id;
        }

        var latestBuyer = merged.Prepend(survivor).Where(c => c.LastPurchaseAt is not null).MaxBy(c => c.LastPurchaseAt);
        if (latestBuyer is not null && latestBuyer != survivor && latestBuyer.LifecycleClass != survivor.LifecycleClass)
        {
            db.Set<LifecycleChange>().Add(new LifecycleChange
            {
                Id = Guid.NewGuid(),
                CustomerId = survivor.Id,
                From = survivor.LifecycleClass,
                To = latestBuyer.LifecycleClass,
                Reason = $"merged with {latestBuyer.Code}",
                ChangedAt = DateTime.UtcNow,
            });
            events.Publish(new CustomerLifecycleChangedIntegrationEvent(survivor.Id, survivor.LifecycleClass.ToString(), latestBuyer.LifecycleClass.ToString(), $"merged with {latestBuyer.Code}"));
            survivor.LifecycleClass = latestBuyer.LifecycleClass;
        }

        foreach (var customer in merged)
        {
            survivor.PurchaseCount += customer.PurchaseCount;
            survivor.PurchaseTotal += customer.PurchaseTotal;
            survivor.FirstPurchaseAt = Min(survivor.FirstPurchaseAt, customer.FirstPurchaseAt);
            survivor.LastPurchaseAt = Max(survivor.LastPurchaseAt, customer.LastPurchaseAt);
            customer.PurchaseCount = 0;
            customer.PurchaseTotal = 0;
            customer.FirstPurchaseAt = null;
            customer.LastPurchaseAt = null;
        }

        static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
        static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
    }

    /// <summary>Branches and contacts of a merged organization now roll up to the survivor.</summary>
    private async Task RepointChildrenAsync(Customer survivor, IReadOnlyList<Guid> mergedIds, CancellationToken cancellationToken)
    {
        foreach (var child in await db.Set<Customer>().Where(c => c.ParentId != null && mergedIds.Contains(c.ParentId.Value) && c.Id != survivor.Id).ToListAsync(cancellationToken))
        {
            child.ParentId = survivor.Id;
            child.Version++;
        }

        if (survivor.ParentId is { } parent && mergedIds.Contains(parent))
        {
            survivor.ParentId = null;
        }
    }

    /// <summary>Open duplicate pairs of the merged records are settled; their pending change requests can no longer apply.</summary>
    private async Task CloseOpenWorkAsync(Customer survivor, IReadOnlyList<Guid> mergedIds, CancellationToken cancellationToken)
    {
        foreach (var pair in await db.Set<DuplicateCandidate>()
                     .Where(d => d.Status == DuplicateStatus.Open && (mergedIds.Contains(d.FirstId) || mergedIds.Contains(d.SecondId)))
                     .ToListAsync(cancellationToken))
        {
            pair.Status = DuplicateStatus.Merged;
        }

        foreach (var request in await db.Set<ChangeRequest>()
                     .Where(r => mergedIds.Contains(r.CustomerId) && (r.Status == ChangeRequestStatus.PendingReview || r.Status == ChangeRequestStatus.PendingApproval))
                     .ToListAsync(cancellationToken))
        {
            request.Status = ChangeRequestStatus.Rejected;
            request.DecidedBy = currentUser.UserName ?? "unknown";
            request.DecidedAt = DateTime.UtcNow;
            request.Comment = $"The customer was merged into {survivor.Code}.";
        }
    }
}
