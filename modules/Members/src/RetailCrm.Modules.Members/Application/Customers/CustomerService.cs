using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>
/// What a save did: <see cref="Customer"/> is the record as stored now. With change approval on, a change
/// waits as the change request <see cref="PendingChangeRequestId"/> and the record is unchanged.
/// </summary>
internal sealed record SavedCustomer(CustomerDetails Customer, Guid? PendingChangeRequestId = null);

/// <summary>Creates, changes, finds and removes customers of the current tenant, within the user's data scope.</summary>
internal sealed class CustomerService(
    MembersDbContext db,
    ISettingProvider settings,
    IDataScopeProvider dataScope,
    IPermissionChecker permissions,
    ICurrentUser currentUser,
    IEventBus events,
    CustomerCodeGenerator codes,
    DuplicateFinder duplicates,
    IEnumerable<ICustomerSearchContributor> searchContributors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Customers of the tenant the current user may see.</summary>
    public Task<IQueryable<Customer>> VisibleAsync(CancellationToken cancellationToken) =>
        dataScope.ApplyAsync(db.Set<Customer>(), c => c.OwnerUserId, c => c.UnitId, cancellationToken);

    /// <summary>Whether the customer exists and is in the user's data scope.</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AnyAsync(c => c.Id == id, cancellationToken);

    /// <summary>The refusal's extension with the likely duplicates (<see cref="DuplicateMatch"/> list).</summary>
    public const string CandidatesExtension = "candidates";

    /// <summary>The normalized, unsaved customer, or the fields at fault.</summary>
    public async Task<Result<Customer>> NormalizeAsync(CustomerInput input, CancellationToken cancellationToken)
    {
        var (draft, errors) = (await NormalizationRulesAsync(cancellationToken)).Normalize(input);
        if (input.ParentId is { } parentId && !await db.Set<Customer>().AnyAsync(c => c.Id == parentId && c.Kind == CustomerKind.Organization, cancellationToken))
        {
            errors.Add("parentId", "The parent must be an existing organization.");
        }

        return errors.Count == 0 ? draft : MembersRefusals.Invalid("The customer is not valid", errors);
    }

    /// <summary>The likely duplicates a refused create carries (<see cref="CandidatesExtension"/>), or none.</summary>
    public static IReadOnlyList<DuplicateMatch> CandidatesOf(Refusal refusal) =>
        refusal.Extensions.TryGetValue(CandidatesExtension, out var candidates) && candidates is IReadOnlyList<DuplicateMatch> list ? list : [];

    /// <summary>
    /// The tenant's normalization rules (phone region, custom fields), read once: an import applies
    /// them to every row without asking the database per row. Rows cannot name a parent, so the
    /// parent check of <see cref="NormalizeAsync"/> is not part of them.
    /// </summary>
    public async Task<NormalizationRules> NormalizationRulesAsync(CancellationToken cancellationToken) => new(
        await settings.GetAsync(MembersSettings.PhoneRegion, cancellationToken) ?? "CN",
        await db.Set<CustomFieldDefinition>().AsNoTracking().OrderBy(f => f.Order).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<DuplicateMatch>> CheckDuplicatesAsync(CustomerInput input, Guid? excludeId, CancellationToken cancellationToken)
    {
        var draft = await NormalizeAsync(input, cancellationToken);
        return draft.IsRefused ? [] : await duplicates.FindAsync(draft.Value, excludeId, cancellationToken);
    }

    /// <summary>Creates a customer; refused with the likely duplicates (<see cref="CandidatesExtension"/>) unless <paramref name="keepDespiteDuplicates"/>.</summary>
    public async Task<Result<SavedCustomer>> CreateAsync(CustomerInput input, bool keepDespiteDuplicates, CancellationToken cancellationToken)
    {
        var normalized = await NormalizeAsync(input, cancellationToken);
        if (normalized.IsRefused)
        {
            return normalized.Refusal;
        }

        var draft = normalized.Value;
        if (!keepDespiteDuplicates && await duplicates.FindAsync(draft, null, cancellationToken) is { Count: > 0 } candidates)
        {
            return Refusal.Conflict("members/likely-duplicates",
                    "Existing customers look like this one. Check them, then save again with keepDespiteDuplicates=true to keep both.")
                .Titled("Likely duplicates exist")
                .With(CandidatesExtension, candidates);
        }

        var now = DateTime.UtcNow;
        var code = await codes.NextAsync(await settings.GetAsync(MembersSettings.CodeFormat, cancellationToken) ?? "C{yyyy}{seq:6}", cancellationToken);
        CustomerChanges.StartNew(draft, code, now, currentUser.Id, currentUser.OrganizationUnitId);
        db.Set<Customer>().Add(draft);
        events.Publish(new CustomerCreatedIntegrationEvent(draft.Id, draft.Code, draft.DisplayName));
        await db.SaveChangesAsync(cancellationToken);
        return new SavedCustomer(CustomerDetails.From(draft));
    }

    public async Task<CustomerDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var customer = await Load(await VisibleAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? null : CustomerDetails.From(customer);
    }

    /// <summary>Parent, contacts, branches and the purchases of the whole tree below a customer (branches of branches included).</summary>
    public async Task<CustomerRelations> GetRelationsAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = (await VisibleAsync(cancellationToken)).Where(c => c.Status == CustomerStatus.Active);
        var self = await visible.Where(c => c.Id == id).Select(c => new { c.ParentId, c.PurchaseCount, c.PurchaseTotal }).FirstOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return new CustomerRelations(null, [], [], 0, 0);
        }

        var parent = self.ParentId is { } parentId ? (await ListItems(visible.Where(c => c.Id == parentId)).ToListAsync(cancellationToken)).FirstOrDefault() : null;
        var children = await ListItems(visible.Where(c => c.ParentId == id)).ToListAsync(cancellationToken);
        var count = self.PurchaseCount;
        var total = self.PurchaseTotal;
        var level = new List<Guid> { id };
        var seen = new HashSet<Guid> { id };
        for (var depth = 0; depth < 10 && level.Count > 0; depth++)
        {
            var below = await visible.Where(c => c.ParentId != null && level.Contains(c.ParentId.Value))
                .Select(c => new { c.Id, c.PurchaseCount, c.PurchaseTotal }).ToListAsync(cancellationToken);
            below = below.Where(c => seen.Add(c.Id)).ToList();
            count += below.Sum(c => c.PurchaseCount);
            total += below.Sum(c => c.PurchaseTotal);
            level = below.Select(c => c.Id).ToList();
        }

        return new CustomerRelations(
            parent,
            children.Where(c => c.Kind == CustomerKind.Person).ToList(),
            children.Where(c => c.Kind == CustomerKind.Organization).ToList(),
            count,
            total);
    }

    /// <summary>The id of the active customer with this code, for forms that link by code.</summary>
    public async Task<Guid?> FindIdByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await (await VisibleAsync(cancellationToken)).Where(c => c.Code == normalized && c.Status == CustomerStatus.Active)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Changes a customer read at <paramref name="expectedVersion"/>; with change approval on, the change waits as a change request.</summary>
    public async Task<Result<SavedCustomer>> UpdateAsync(Guid id, CustomerInput input, long expectedVersion, CancellationToken cancellationToken)
    {
        var customer = await Load(await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(c => c.Id == id && c.Status == CustomerStatus.Active, cancellationToken);
        if (customer is null)
        {
            return MembersRefusals.CustomerNotFound;
        }

        if (customer.Version != expectedVersion)
        {
            return ChangedMeanwhile(customer.Version);
        }

        var normalized = await NormalizeAsync(input, cancellationToken);
        if (normalized.IsRefused)
        {
            return normalized.Refusal;
        }

        var draft = normalized.Value;

        if (await settings.GetBoolAsync(MembersSettings.ChangeApproval, cancellationToken)
            && !await permissions.IsGrantedAsync(MembersPermissions.Approve, cancellationToken))
        {
            var request = new ChangeRequest
            {
                Id = Guid.NewGuid(),
                CustomerId = customer.Id,
                Proposed = JsonSerializer.Serialize(input, Json),
                Summary = CustomerChanges.Describe(customer, draft),
                Status = ChangeRequestStatus.PendingReview,
                RequestedBy = currentUser.UserName ?? "unknown",
                RequestedAt = DateTime.UtcNow,
                BaseVersion = customer.Version,
            };
            db.Set<ChangeRequest>().Add(request);
            await db.SaveChangesAsync(cancellationToken);
            return new SavedCustomer(CustomerDetails.From(customer), request.Id);
        }

        CustomerChanges.Apply(customer, draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(-1);
        }

        return new SavedCustomer(CustomerDetails.From(customer));
    }

    /// <summary>The record changed since it was read (<see cref="Customer.Version"/>); nothing was saved.</summary>
    private static Refusal ChangedMeanwhile(long currentVersion) =>
        Refusal.Conflict("members/version-conflict", "Read it again (current version {0}) and repeat your change.", currentVersion)
            .Titled("The customer was changed meanwhile");

    /// <summary>Marks a customer deleted; its purchases and history stay for audit and analysis.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var customer = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(c => c.Id == id && c.Status == CustomerStatus.Active, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        customer.Status = CustomerStatus.Deleted;
        customer.Version++;
        customer.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<PagedResult<CustomerListItem>> SearchAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(query, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<CustomerListItem>(items, page, pageSize, total);
    }

    /// <summary>Every row of a list view, filtered and sorted as <see cref="SearchAsync"/> pages it (export uses it whole).</summary>
    public async Task<IQueryable<CustomerListItem>> ListAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var customers = (await VisibleAsync(cancellationToken)).Where(c => c.Status == CustomerStatus.Active);
        if (!string.IsNullOrWhiteSpace(query.Term))
        {
            customers = await MatchTermAsync(customers, query.Term.Trim(), cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = CustomerTags.Normalize(query.Tag);
            customers = customers.Where(c => c.Tags.Any(t => t.Tag == tag));
        }

        if (query.LifecycleClass is { } lifecycle)
        {
            customers = customers.Where(c => c.LifecycleClass == lifecycle);
        }

        if (!string.IsNullOrWhiteSpace(query.Tier))
        {
            customers = customers.Where(c => c.Tier == query.Tier);
        }

        if (query.Kind is { } kind)
        {
            customers = customers.Where(c => c.Kind == kind);
        }

        return ListItems(Sorted(customers, query.Sort, query.Descending));
    }

    private async Task<IQueryable<Customer>> MatchTermAsync(IQueryable<Customer> customers, string term, CancellationToken cancellationToken)
    {
        var region = await settings.GetAsync(MembersSettings.PhoneRegion, cancellationToken) ?? "CN";
        var phone = DataQuality.PhoneNormalizer.TryNormalize(term, region);
        var key = DataQuality.NameNormalizer.Key(term);
        var upper = term.ToUpperInvariant();
        var initials = term.Length >= 2 && term.All(char.IsAsciiLetter) ? upper : null;
        var lower = term.ToLowerInvariant();
        var contributed = new List<Guid>();
        foreach (var contributor in searchContributors)
        {
            contributed.AddRange(await contributor.FindCustomerIdsAsync(term, cancellationToken));
        }

        return customers.Where(c =>
            c.Code.StartsWith(upper)
            || (key.Length > 0 && c.NameKey.Contains(key))
            || (initials != null && c.NameInitials.StartsWith(initials))
            || (phone != null && (c.Phone == phone || c.ContactPoints.Any(p => p.Value == phone)))
            || c.Email == lower
            || c.IdentityNumber == upper
            || c.CustomFields.Any(f => f.Value == term)
            || contributed.Contains(c.Id));
    }

    private static IQueryable<Customer> Sorted(IQueryable<Customer> customers, string sort, bool descending) => (sort.ToLowerInvariant(), descending) switch
    {
        ("code", false) => customers.OrderBy(c => c.Code),
        ("code", true) => customers.OrderByDescending(c => c.Code),
        ("lastpurchase", false) => customers.OrderBy(c => c.LastPurchaseAt).ThenBy(c => c.Code),
        ("lastpurchase", true) => customers.OrderByDescending(c => c.LastPurchaseAt).ThenBy(c => c.Code),
        ("purchasetotal", false) => customers.OrderBy(c => c.PurchaseTotal).ThenBy(c => c.Code),
        ("purchasetotal", true) => customers.OrderByDescending(c => c.PurchaseTotal).ThenBy(c => c.Code),
        ("created", false) => customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Code),
        ("created", true) => customers.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Code),
        (_, true) => customers.OrderByDescending(c => c.NameKey).ThenBy(c => c.Code),
        _ => customers.OrderBy(c => c.NameKey).ThenBy(c => c.Code),
    };

    private static IQueryable<CustomerListItem> ListItems(IQueryable<Customer> customers) => customers
        .Select(c => new CustomerListItem(c.Id, c.Code, c.Kind, c.DisplayName, c.Phone, c.Email, c.Tier, c.LifecycleClass, c.Birthday,
            c.LastPurchaseAt, c.PurchaseCount, c.PurchaseTotal, c.Tags.Select(t => t.Tag).ToList()));

    internal static IQueryable<Customer> Load(IQueryable<Customer> customers) => customers
        .Include(c => c.Addresses).Include(c => c.ContactPoints).Include(c => c.Anniversaries).Include(c => c.Tags).Include(c => c.CustomFields)
        .AsSplitQuery();
}
