using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>A file of a deal, e.g. the proposal or the contract; its tag is what a stage's exit criteria ask for.</summary>
internal sealed class OpportunityAttachment : ITenantOwned
{
    private OpportunityAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; private set; }

    public string Tag { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>A file already checked by the attachment policy.</summary>
    public static OpportunityAttachment Of(Guid opportunityId, string tag, string fileName, string contentType, byte[] content, Guid userId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OpportunityId = opportunityId,
        Tag = tag,
        FileName = fileName,
        ContentType = contentType,
        Size = content.LongLength,
        Content = content,
        UserId = userId,
        CreatedAt = now,
    };
}
