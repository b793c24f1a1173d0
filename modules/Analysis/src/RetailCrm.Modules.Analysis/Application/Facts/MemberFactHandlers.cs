using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Analysis.Application.Facts;

/// <summary>Keeps a purchase recorded on the members module as a fact; the purchase id makes a second delivery a no-op.</summary>
internal sealed class PurchaseRecordedHandler(AnalysisDbContext db) : IIntegrationEventHandler<PurchaseRecordedIntegrationEvent>
{
    public async Task HandleAsync(PurchaseRecordedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await db.Set<PurchaseFact>().AnyAsync(p => p.Id == e.PurchaseId, cancellationToken))
        {
            return;
        }

        db.Set<PurchaseFact>().Add(new PurchaseFact
        {
            Id = e.PurchaseId,
            CustomerId = e.CustomerId,
            StoreCode = e.StoreCode,
            ReceiptId = e.ReceiptId,
            PurchasedAt = e.PurchasedAt,
            Amount = e.Amount,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Moves every fact of merged customers to the survivor, in one transaction; repeating it changes nothing.</summary>
internal sealed class CustomersMergedHandler(AnalysisDbContext db) : IIntegrationEventHandler<CustomersMergedIntegrationEvent>
{
    public async Task HandleAsync(CustomersMergedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var merged = e.MergedIds.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<PurchaseFact>().Where(p => merged.Contains(p.CustomerId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, e.SurvivorId), cancellationToken);
        await db.Set<CardFact>().Where(c => c.CustomerId != null && merged.Contains(c.CustomerId.Value)).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, e.SurvivorId), cancellationToken);
        await db.Set<TicketFact>().Where(t => t.CustomerId != null && merged.Contains(t.CustomerId.Value)).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, e.SurvivorId), cancellationToken);
        await db.Set<DealFact>().Where(d => merged.Contains(d.CustomerId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.CustomerId, e.SurvivorId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
