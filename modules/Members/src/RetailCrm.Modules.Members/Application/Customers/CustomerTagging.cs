using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>
/// Tags customers for another module (an analysis segment becomes a tag): the tag normalized as the customer form
/// keeps it, added to the active customers that lack it, all in one transaction.
/// </summary>
internal sealed class CustomerTagging(MembersDbContext db) : ICustomerTagging
{
    // Ids go to the database in slices: each id is one SQL parameter.
    private const int Slice = 500;

    public async Task<Result<int>> TagAsync(IReadOnlyCollection<Guid> customerIds, string tag, CancellationToken cancellationToken = default)
    {
        var normalized = CustomerTags.Normalize(tag ?? "");
        var errors = new List<FieldRefusal>();
        if (normalized.Length is 0 or > CustomerTags.MaxLength)
        {
            errors.Add("tag", "A tag has 1 to {0} characters.", CustomerTags.MaxLength);
        }

        if (customerIds.Count > ICustomerTagging.MaxCustomers)
        {
            errors.Add("customerIds", "At most {0} customers are tagged at once.", ICustomerTagging.MaxCustomers);
        }

        if (errors.Count > 0)
        {
            return MembersRefusals.Invalid("The customers were not tagged", errors);
        }

        return await db.AtomicAsync(async () =>
        {
            var lacking = new List<Guid>();
            foreach (var slice in customerIds.Distinct().Chunk(Slice))
            {
                lacking.AddRange(await db.Set<Customer>()
                    .Where(c => slice.Contains(c.Id) && c.Status == CustomerStatus.Active && !c.Tags.Any(t => t.Tag == normalized))
                    .Select(c => c.Id)
                    .ToListAsync(cancellationToken));
            }

            if (lacking.Count == 0)
            {
                return (0, false);
            }

            // A new tag changes the record as the form's edit would: an edit read before it must not save the tag away.
            var now = DateTime.UtcNow;
            foreach (var slice in lacking.Chunk(Slice))
            {
                await db.Set<Customer>().Where(c => slice.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), cancellationToken);
            }

            db.Set<CustomerTag>().AddRange(lacking.Select(id => new CustomerTag { CustomerId = id, Tag = normalized }));
            await db.SaveChangesAsync(cancellationToken);
            return (lacking.Count, true);
        }, cancellationToken);
    }
}
