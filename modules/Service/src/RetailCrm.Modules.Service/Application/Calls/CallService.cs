using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>What a CTI event did: the call's record, and whether the event had been recorded before (a repeat changes nothing).</summary>
internal sealed record CallEventOutcome(CallRecord Call, bool Repeated);

/// <summary>Keeps the call records from the PBX's events and pops a ringing call up on the screen of the agent at its extension.</summary>
internal sealed class CallService(
    ServiceDbContext db,
    IPhoneNumbers phoneNumbers,
    ICustomerLookup customers,
    ICurrentTenant tenant,
    ScreenPops pops,
    TimeProvider time)
{
    public async Task<Result<CallEventOutcome>> ReceiveAsync(CtiEventRequest request, CancellationToken cancellationToken)
    {
        if (CtiEventCheck.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        var callEvent = CtiEventCheck.EventOf(request.Event)!.Value;
        var callId = request.CallId!.Trim();
        var call = await db.Set<CallRecord>().FirstOrDefaultAsync(c => c.CallId == callId, cancellationToken);
        if (call is null && string.IsNullOrWhiteSpace(request.From))
        {
            return Refusal.Invalid("service/call-invalid", "from", "Give the caller's number with the call's first event.").Titled("The call event is not valid");
        }

        if (call is not null && call.Has(callEvent))
        {
            return new CallEventOutcome(call, Repeated: true);
        }

        var isNew = call is null;
        call ??= await NewCallAsync(callId, request, cancellationToken);
        if (Clean(request.Extension) is { } extension && extension != call.Extension)
        {
            call.Extension = extension;
            call.AgentUserId = await db.Set<AgentExtension>().Where(e => e.Extension == extension).Select(e => (Guid?)e.UserId).FirstOrDefaultAsync(cancellationToken);
        }

        call.Record(callEvent, (request.At?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime), Clean(request.RecordingUrl));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // The PBX sent the same first event twice at once; the other request recorded it.
            db.Entry(call).State = EntityState.Detached;
            return new CallEventOutcome(await db.Set<CallRecord>().AsNoTracking().FirstAsync(c => c.CallId == callId, cancellationToken), Repeated: true);
        }

        if (callEvent == CallEvent.Ringing && call.AgentUserId is { } agent)
        {
            pops.Publish(tenant.Id!.Value, agent, new RingingCall(call.Id, call.CallId, call.From, call.FromE164));
        }

        return new CallEventOutcome(call, Repeated: false);
    }

    /// <summary>Links the call to the ticket it led to; false when there is no such call.</summary>
    public async Task<bool> LinkTicketAsync(Guid callRecordId, Guid ticketId, CancellationToken cancellationToken)
    {
        var call = await db.Set<CallRecord>().FirstOrDefaultAsync(c => c.Id == callRecordId, cancellationToken);
        if (call is null)
        {
            return false;
        }

        call.TicketId = ticketId;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<CallRecord> NewCallAsync(string callId, CtiEventRequest request, CancellationToken cancellationToken)
    {
        var from = request.From!.Trim();
        var e164 = await phoneNumbers.ToE164Async(from, cancellationToken);
        var found = e164 is null ? [] : await customers.FindByPhoneAsync(e164, cancellationToken);
        var call = new CallRecord
        {
            Id = Guid.NewGuid(),
            CallId = callId,
            From = from,
            FromE164 = e164,
            To = Clean(request.To) ?? "",
            CustomerId = found.Count == 1 ? found[0].Id : null,
        };
        db.Set<CallRecord>().Add(call);
        return call;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
