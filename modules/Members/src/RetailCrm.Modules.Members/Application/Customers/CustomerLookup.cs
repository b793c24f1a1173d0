using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.DataQuality;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>Customers for other modules, through the Contracts interface only.</summary>
internal sealed class CustomerLookup(MembersDbContext db, ISettingProvider settings, CustomerService customers) : ICustomerLookup
{
    public async Task<IReadOnlyList<CustomerSummary>> SearchAsync(string term, int limit, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return [];
        }

        var found = await customers.SearchAsync(new CustomerQuery { Term = term, PageSize = Math.Clamp(limit, 1, 50) }, cancellationToken);
        var ids = found.Items.Select(c => c.Id).ToList();
        var summaries = await Summaries(db.Set<Customer>().Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        return [.. ids.Select(id => summaries.First(s => s.Id == id))];
    }

    public Task<CustomerSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Summaries(db.Set<Customer>().Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public Task<CustomerSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return Summaries(db.Set<Customer>().Where(c => c.Code == normalized && c.Status == CustomerStatus.Active)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerSummary>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (EmailNormalizer.Normalize(email) is not (string normalized, null))
        {
            return [];
        }

        return await Summaries(db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active
                && (c.Email == normalized || c.ContactPoints.Any(p => p.Kind == ContactPointKind.Email && p.Value == normalized))))
            .Take(20).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerSummary>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default)
    {
        var e164 = PhoneNormalizer.TryNormalize(phone, await settings.GetAsync(MembersSettings.PhoneRegion, cancellationToken) ?? "CN");
        if (e164 is null)
        {
            return [];
        }

        return await Summaries(db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active
                && (c.Phone == e164 || c.ContactPoints.Any(p => p.Kind != ContactPointKind.Email && p.Value == e164))))
            .Take(20).ToListAsync(cancellationToken);
    }

    private static IQueryable<CustomerSummary> Summaries(IQueryable<Customer> customers) => customers.AsNoTracking()
        .Select(c => new CustomerSummary(c.Id, c.Code, c.Kind, c.DisplayName, c.Phone, c.Email, c.Tier, c.LifecycleClass, c.OwnerUserId, c.UnitId));
}
