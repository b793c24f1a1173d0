using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Contracts.Events;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>
/// Records a won deal as the customer's purchase on the members module, so its lifecycle class, statistics and points
/// follow. Runs from the outbox: a failure is retried, and the deal's id as receipt id makes a retry record nothing twice.
/// </summary>
internal sealed class WonDealPurchase(SalesDbContext db, IPurchaseRecording purchases) : IIntegrationEventHandler<OpportunityWonIntegrationEvent>
{
    public const string Source = "sales";

    public static string ReceiptOf(Guid opportunityId) => $"sales-{opportunityId:N}";

    public async Task HandleAsync(OpportunityWonIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (!integrationEvent.RecordsPurchase || integrationEvent.Amount <= 0)
        {
            return;
        }

        var lines = await (
            from line in db.Set<OpportunityLine>().AsNoTracking()
            join product in db.Set<Product>().AsNoTracking() on line.ProductId equals (Guid?)product.Id into products
            from product in products.DefaultIfEmpty()
            where line.OpportunityId == integrationEvent.OpportunityId
            orderby line.Position
            select new SaleLine(product == null ? null : product.Code, line.Description, line.Quantity, line.UnitPrice, line.Amount)).ToListAsync(cancellationToken);
        var sale = new Sale(integrationEvent.CustomerId, ReceiptOf(integrationEvent.OpportunityId), integrationEvent.WonAt, integrationEvent.Amount, integrationEvent.Currency, lines);
        var recorded = await purchases.RecordAsync(sale, Source, cancellationToken);
        if (recorded.IsRefused)
        {
            throw new InvalidOperationException($"The members module refused the purchase of won deal {integrationEvent.OpportunityId}: {recorded.Refusal.Code}");
        }
    }
}
