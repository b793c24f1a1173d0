using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Contracts.Events;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Analysis.Application.Facts;

/// <summary>
/// Keeps the service module's tickets as facts: opened, complaints, resolved and satisfaction answers. The events carry
/// no time of their own but the resolution's, so a ticket is dated when its first event arrives.
/// </summary>
internal sealed class TicketFactHandlers(AnalysisDbContext db, TimeProvider time) :
    IIntegrationEventHandler<TicketOpenedIntegrationEvent>,
    IIntegrationEventHandler<ComplaintRegisteredIntegrationEvent>,
    IIntegrationEventHandler<TicketResolvedIntegrationEvent>,
    IIntegrationEventHandler<CsatReceivedIntegrationEvent>
{
    public async Task HandleAsync(TicketOpenedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var ticket = await TicketAsync(e.TicketId, e.CustomerId, cancellationToken);
        ticket.TypeKey = e.TypeKey;
        ticket.IsComplaint |= e.TypeKey == ITicketFeed.ComplaintType;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(ComplaintRegisteredIntegrationEvent e, CancellationToken cancellationToken)
    {
        var ticket = await TicketAsync(e.TicketId, e.CustomerId, cancellationToken);
        ticket.IsComplaint = true;
        ticket.TypeKey = ITicketFeed.ComplaintType;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(TicketResolvedIntegrationEvent e, CancellationToken cancellationToken)
    {
        (await TicketAsync(e.TicketId, e.CustomerId, cancellationToken)).ResolvedAt = e.ResolvedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(CsatReceivedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var ticket = await TicketAsync(e.TicketId, e.CustomerId, cancellationToken);
        if (ticket.CsatScore != e.Score)
        {
            ticket.CsatScore = e.Score;
            ticket.CsatAt = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TicketFact> TicketAsync(Guid id, Guid? customerId, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<TicketFact>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            ticket = new TicketFact { Id = id, OpenedAt = time.GetUtcNow().UtcDateTime };
            db.Set<TicketFact>().Add(ticket);
        }

        ticket.CustomerId = customerId ?? ticket.CustomerId;
        return ticket;
    }
}

/// <summary>Keeps the sales pipeline's won and lost deals as facts.</summary>
internal sealed class DealFactHandlers(AnalysisDbContext db) :
    IIntegrationEventHandler<OpportunityWonIntegrationEvent>,
    IIntegrationEventHandler<OpportunityLostIntegrationEvent>
{
    public Task HandleAsync(OpportunityWonIntegrationEvent e, CancellationToken cancellationToken) =>
        CloseAsync(e.OpportunityId, e.CustomerId, OpportunityStatus.Won, e.Amount, e.WonAt, cancellationToken);

    public Task HandleAsync(OpportunityLostIntegrationEvent e, CancellationToken cancellationToken) =>
        CloseAsync(e.OpportunityId, e.CustomerId, OpportunityStatus.Lost, e.Amount, e.LostAt, cancellationToken);

    private async Task CloseAsync(Guid id, Guid customerId, OpportunityStatus status, long amount, DateTime at, CancellationToken cancellationToken)
    {
        var deal = await db.Set<DealFact>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            deal = new DealFact { Id = id, CreatedAt = at };
            db.Set<DealFact>().Add(deal);
        }

        deal.CustomerId = customerId;
        deal.Status = status;
        deal.Amount = amount;
        deal.ClosedAt = at;
        await db.SaveChangesAsync(cancellationToken);
    }
}
