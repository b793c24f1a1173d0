using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>
/// The journal (业务日志) and files of a deal. Neither changes the deal's version: logging a visit while someone
/// else moves the deal is no conflict. The deal's last activity is stamped atomically.
/// </summary>
internal sealed class OpportunityJournal(SalesDbContext db, OpportunityService deals, ICurrentUser user, TimeProvider time)
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    /// <summary>The files a deal takes: proposals, contracts, pictures and presentations.</summary>
    public static readonly UploadPolicy Files = new(
        "sales", MaxAttachmentBytes, [".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".pptx"], "A deal takes PDF, PNG and JPEG images, Word, Excel and PowerPoint files.");

    public async Task<Result<Activity>> LogAsync(Guid opportunityId, ActivityInput input, CancellationToken cancellationToken)
    {
        if (await WritableAsync(opportunityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var logged = Activity.Log(opportunityId, input.Kind, input.At, input.Subject, input.Outcome, input.NextStep, user.Id ?? Guid.Empty, now);
        if (logged.IsRefused)
        {
            return logged.Refusal;
        }

        db.Set<Activity>().Add(logged.Value);
        await db.SaveChangesAsync(cancellationToken);
        await StampAsync(opportunityId, now, cancellationToken);
        return logged.Value;
    }

    public async Task<Result<OpportunityAttachment>> AttachAsync(Guid opportunityId, string? tag, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (await WritableAsync(opportunityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var cleanTag = string.IsNullOrWhiteSpace(tag) ? "other" : tag.Trim().ToLowerInvariant();
        if (cleanTag.Length > OpportunityAttachmentTag.MaxLength)
        {
            return Refusal.Invalid("sales/attachment-invalid", "tag", "An attachment tag has 1 to {0} characters.", OpportunityAttachmentTag.MaxLength);
        }

        var kind = Files.Check(fileName, content.LongLength);
        if (kind.IsRefused)
        {
            return kind.Refusal;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = Path.GetFileName(fileName);
        var attachment = OpportunityAttachment.Of(opportunityId, cleanTag, name.Length > 200 ? name[^200..] : name, kind.Value, content, user.Id ?? Guid.Empty, now);
        db.Set<OpportunityAttachment>().Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        await StampAsync(opportunityId, now, cancellationToken);
        return attachment;
    }

    private async Task<Refusal?> WritableAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        if (user.Id is null)
        {
            return Refusal.Forbidden("sales/user-only", "Only a signed-in sales person writes the journal.");
        }

        var visible = await deals.VisibleAsync(tracked: false, cancellationToken);
        return await visible.AnyAsync(o => o.Id == opportunityId, cancellationToken) ? null : SalesRefusals.NotFound(opportunityId);
    }

    private Task<int> StampAsync(Guid opportunityId, DateTime now, CancellationToken cancellationToken) =>
        db.Set<Opportunity>().Where(o => o.Id == opportunityId && o.LastActivityAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LastActivityAt, now), cancellationToken);
}
