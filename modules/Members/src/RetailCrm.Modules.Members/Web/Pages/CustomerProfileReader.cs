using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Pages;

/// <summary>Reads everything the customer 360° page shows: members' own record and figures, and what the other modules contribute.</summary>
internal sealed class CustomerProfileReader(
    CustomerService customers,
    ChangeRequestQueries changeRequests,
    PurchaseQueries purchases,
    LifecycleService lifecycle,
    CustomerSpending spending,
    IProfileSectionProvider sections,
    ICustomerSummary summary,
    ICustomerTimeline timeline,
    ISettingProvider settings,
    MembersDbContext db)
{
    public const int RecentPurchases = 10;

    /// <summary>The page, or null when the customer does not exist or is outside the user's data scope.</summary>
    public async Task<CustomerDetailsPage?> ReadAsync(Guid id, DateTime? before, string? module, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var currency = await settings.GetAsync(MembersSettings.Currency, cancellationToken) ?? "CNY";
        var parts = await summary.GetAsync(id, cancellationToken);
        var query = new TimelineQuery(id, before is { } b ? DateTime.SpecifyKind(b.ToUniversalTime(), DateTimeKind.Utc) : null) { Module = string.IsNullOrWhiteSpace(module) ? null : module.Trim() };
        return new CustomerDetailsPage(
            customer,
            await customers.GetRelationsAsync(id, cancellationToken),
            await changeRequests.PendingForCustomerAsync(id, cancellationToken),
            (await purchases.ForCustomerAsync(id, 1, RecentPurchases, cancellationToken))?.Items ?? [],
            await lifecycle.HistoryAsync(id, cancellationToken) ?? [],
            await sections.GetSectionsAsync(id, cancellationToken),
            await db.Set<CustomFieldDefinition>().AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken))
        {
            Currency = currency,
            Spent = await spending.TotalAsync(customer, currency, parts, cancellationToken),
            SummaryParts = parts,
            Timeline = await timeline.GetAsync(query, cancellationToken),
        };
    }
}
