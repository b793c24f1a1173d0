using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>The filters of the call records list; all optional.</summary>
internal sealed record CallFilter
{
    /// <summary>Any part of the caller's or called number.</summary>
    public string? Number { get; init; }

    public Guid? AgentUserId { get; init; }

    public Guid? CustomerId { get; init; }

    public Guid? TicketId { get; init; }

    /// <summary>True: answered calls only; false: missed ones only.</summary>
    public bool? Answered { get; init; }

    /// <summary>First day (UTC) of the range.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (UTC) of the range, included.</summary>
    public DateOnly? To { get; init; }
}

internal static class CallRefusals
{
    public static Refusal NotFound(Guid id) => Refusal.NotFound("service/call-not-found", "There is no call {0}.", id).Titled("No such call");
}

internal sealed class CallQueries(ServiceDbContext db)
{
    public Task<CallRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<CallRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<CallRecord> Items, int Total)> ListAsync(CallFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var calls = Filter(db.Set<CallRecord>().AsNoTracking(), filter);
        var total = await calls.CountAsync(cancellationToken);
        var items = await calls.OrderByDescending(c => c.RingingAt).ThenByDescending(c => c.UpdatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The calls linked to the ticket, newest first (the ticket page's panel).</summary>
    public async Task<IReadOnlyList<CallRecord>> OfTicketAsync(Guid ticketId, CancellationToken cancellationToken) =>
        await db.Set<CallRecord>().AsNoTracking().Where(c => c.TicketId == ticketId).OrderByDescending(c => c.RingingAt).Take(50).ToListAsync(cancellationToken);

    private static IQueryable<CallRecord> Filter(IQueryable<CallRecord> calls, CallFilter filter)
    {
        if (filter.Number?.Trim() is { Length: > 0 } number)
        {
            calls = calls.Where(c => c.From.Contains(number) || c.To.Contains(number) || c.FromE164!.Contains(number));
        }

        if (filter.AgentUserId is { } agent)
        {
            calls = calls.Where(c => c.AgentUserId == agent);
        }

        if (filter.CustomerId is { } customer)
        {
            calls = calls.Where(c => c.CustomerId == customer);
        }

        if (filter.TicketId is { } ticket)
        {
            calls = calls.Where(c => c.TicketId == ticket);
        }

        if (filter.Answered is { } answered)
        {
            calls = answered ? calls.Where(c => c.AnsweredAt != null) : calls.Where(c => c.AnsweredAt == null);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            calls = calls.Where(c => c.RingingAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            calls = calls.Where(c => c.RingingAt < end);
        }

        return calls;
    }
}
