using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>
/// What a customer spent: the purchases members recorded plus what other modules say was paid through them (card
/// payments, net of reversals). A purchase recorded with a tender a module claims (<see cref="CustomerSummaryPart.Tender"/>,
/// e.g. <c>card</c>) is that module's payment seen again and counts once, as the module's figure.
/// </summary>
internal sealed class CustomerSpending(MembersDbContext db)
{
    /// <summary>One amount per currency, the members currency first (also when nothing was spent).</summary>
    public async Task<IReadOnlyList<MoneyAmount>> TotalAsync(CustomerDetails customer, string currency, IReadOnlyList<CustomerSummaryPart> parts, CancellationToken cancellationToken)
    {
        var tenders = parts.Select(p => p.Tender?.Trim()).OfType<string>().Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claimed = tenders.Count == 0 ? 0 : (await db.Set<Purchase>().AsNoTracking()
                .Where(p => p.CustomerId == customer.Id && p.Tender != null)
                .GroupBy(p => p.Tender!).Select(g => new { Tender = g.Key, Amount = g.Sum(p => p.Amount) })
                .ToListAsync(cancellationToken))
            .Where(g => tenders.Contains(g.Tender.Trim())).Sum(g => g.Amount);

        var totals = new Dictionary<string, long>(StringComparer.Ordinal) { [currency] = customer.PurchaseTotal - claimed };
        foreach (var spent in parts.SelectMany(p => p.Spent))
        {
            totals[spent.Currency] = totals.GetValueOrDefault(spent.Currency) + spent.Minor;
        }

        return totals.OrderBy(t => t.Key == currency ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new MoneyAmount(t.Value, t.Key)).ToList();
    }
}
