using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Application.Approval;

internal abstract record ApprovalOutcome
{
    public sealed record Done(ChangeRequestView Request) : ApprovalOutcome;

    public sealed record NotFound : ApprovalOutcome;

    /// <summary>The request is not at the step the action belongs to (e.g. approving one not yet reviewed).</summary>
    public sealed record WrongStep(ChangeRequestStatus Status) : ApprovalOutcome;

    /// <summary>The customer changed after the request was made; the request stays pending.</summary>
    public sealed record ChangedMeanwhile(long BaseVersion, long CurrentVersion) : ApprovalOutcome;

    /// <summary>The customer was merged or deleted after the request was made.</summary>
    public sealed record CustomerGone(CustomerStatus Status) : ApprovalOutcome;

    /// <summary>The proposed input no longer passes validation (e.g. a custom field was changed meanwhile).</summary>
    public sealed record Invalid(FieldErrors Errors) : ApprovalOutcome;
}

/// <summary>
/// Moves a change request through its steps: the department supervisor reviews (on to approval, or
/// rejected), the data administrator decides (applied to the customer, or rejected). The customer
/// record changes only on approval, and only if nobody changed it since the request was made.
/// </summary>
internal sealed class ChangeRequestService(MembersDbContext db, CustomerService customers, ChangeRequestQueries queries, ICurrentUser currentUser)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ApprovalOutcome> ReviewAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request)
        {
            return new ApprovalOutcome.NotFound();
        }

        if (request.Status != ChangeRequestStatus.PendingReview)
        {
            return new ApprovalOutcome.WrongStep(request.Status);
        }

        request.Status = approve ? ChangeRequestStatus.PendingApproval : ChangeRequestStatus.Rejected;
        request.ReviewedBy = currentUser.UserName ?? "unknown";
        request.ReviewedAt = DateTime.UtcNow;
        request.ReviewComment = Clean(comment);
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync(id, cancellationToken);
    }

    public async Task<ApprovalOutcome> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request)
        {
            return new ApprovalOutcome.NotFound();
        }

        if (request.Status != ChangeRequestStatus.PendingApproval)
        {
            return new ApprovalOutcome.WrongStep(request.Status);
        }

        if (approve)
        {
            var customer = await CustomerService.Load(db.Customers).FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
            if (customer is null || customer.Status != CustomerStatus.Active)
            {
                return new ApprovalOutcome.CustomerGone(customer?.Status ?? CustomerStatus.Deleted);
            }

            if (customer.Version != request.BaseVersion)
            {
                return new ApprovalOutcome.ChangedMeanwhile(request.BaseVersion, customer.Version);
            }

            // The stored input goes through the same normalization as a direct change: rules may have changed since.
            var input = JsonSerializer.Deserialize<CustomerInput>(request.Proposed, Json) ?? new CustomerInput();
            var (draft, errors) = await customers.NormalizeAsync(input, cancellationToken);
            if (draft is null)
            {
                return new ApprovalOutcome.Invalid(errors);
            }

            CustomerChanges.Apply(customer, draft);
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
            return new ApprovalOutcome.ChangedMeanwhile(request.BaseVersion, -1);
        }

        return await DoneAsync(id, cancellationToken);
    }

    /// <summary>The request, if its customer is within the user's data scope.</summary>
    private async Task<ChangeRequest?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await customers.VisibleAsync(cancellationToken);
        return await db.ChangeRequests.Where(r => visible.Any(c => c.Id == r.CustomerId)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private async Task<ApprovalOutcome> DoneAsync(Guid id, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view ? new ApprovalOutcome.Done(view) : new ApprovalOutcome.NotFound();

    private static string? Clean(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is var text && text.Length > 1000 ? text[..1000] : text;
}
