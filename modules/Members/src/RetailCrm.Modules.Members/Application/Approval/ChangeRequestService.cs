using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Approval;

/// <summary>
/// Moves a change request through its steps: the department supervisor reviews (on to approval, or
/// rejected), the data administrator decides (applied to the customer, or rejected). The customer
/// record changes only on approval, and only if nobody changed it since the request was made.
/// </summary>
internal sealed class ChangeRequestService(MembersDbContext db, CustomerService customers, ChangeRequestQueries queries, ICurrentUser currentUser)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ChangeRequestView>> ReviewAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request)
        {
            return MembersRefusals.ChangeRequestNotFound;
        }

        if (request.Status != ChangeRequestStatus.PendingReview)
        {
            return WrongStep(request.Status);
        }

        request.Status = approve ? ChangeRequestStatus.PendingApproval : ChangeRequestStatus.Rejected;
        request.ReviewedBy = currentUser.UserName ?? "unknown";
        request.ReviewedAt = DateTime.UtcNow;
        request.ReviewComment = Clean(comment);
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync(id, cancellationToken);
    }

    public async Task<Result<ChangeRequestView>> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request)
        {
            return MembersRefusals.ChangeRequestNotFound;
        }

        if (request.Status != ChangeRequestStatus.PendingApproval)
        {
            return WrongStep(request.Status);
        }

        if (approve)
        {
            var customer = await CustomerService.Load(db.Set<Customer>()).FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
            if (customer is null || customer.Status != CustomerStatus.Active)
            {
                return Refusal.Conflict("members/customer-not-active", "The customer is {0}.", customer?.Status ?? CustomerStatus.Deleted)
                    .Titled("The customer is no longer active");
            }

            if (customer.Version != request.BaseVersion)
            {
                return ChangedMeanwhile(request.BaseVersion, customer.Version);
            }

            // The stored input goes through the same normalization as a direct change: rules may have changed since.
            var input = JsonSerializer.Deserialize<CustomerInput>(request.Proposed, Json) ?? new CustomerInput();
            var draft = await customers.NormalizeAsync(input, cancellationToken);
            if (draft.IsRefused)
            {
                return draft.Refusal.Titled("The proposed change is no longer valid");
            }

            CustomerChanges.Apply(customer, draft.Value);
        }

        request.Status = approve ? ChangeRequestStatus.Approved : ChangeRequestStatus.Rejected;
        request.DecidedBy = currentUser.UserName ?? "unknown";
        request.DecidedAt = DateTime.UtcNow;
        request.Comment = Clean(comment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(request.BaseVersion, -1);
        }

        return await DoneAsync(id, cancellationToken);
    }

    /// <summary>The request, if its customer is within the user's data scope.</summary>
    private async Task<ChangeRequest?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await customers.VisibleAsync(cancellationToken);
        return await db.Set<ChangeRequest>().Where(r => visible.Any(c => c.Id == r.CustomerId)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private async Task<Result<ChangeRequestView>> DoneAsync(Guid id, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view ? view : MembersRefusals.ChangeRequestNotFound;

    /// <summary>The request is not at the step the action belongs to (e.g. approving one not yet reviewed).</summary>
    private static Refusal WrongStep(ChangeRequestStatus status) =>
        Refusal.Conflict("members/wrong-step",
                "The request is {0}: a supervisor reviews requests pending review, a data administrator decides requests pending approval.", status)
            .Titled("The change request is not at this step");

    /// <summary>The customer changed after the request was made; the request stays pending.</summary>
    private static Refusal ChangedMeanwhile(long baseVersion, long currentVersion) =>
        Refusal.Conflict("members/changed-meanwhile",
                "The change was proposed against version {0}; the customer is now at version {1}. The request stays pending; reject it and propose the change again.",
                baseVersion, currentVersion)
            .Titled("The customer was changed meanwhile");

    private static string? Clean(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is var text && text.Length > 1000 ? text[..1000] : text;
}
