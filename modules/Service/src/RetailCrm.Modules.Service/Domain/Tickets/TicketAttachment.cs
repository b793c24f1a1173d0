using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>A file on a ticket: a photo of the broken device, a receipt, a fax.</summary>
internal sealed class TicketAttachment : ITenantOwned
{
    public const int MaxFileNameLength = 200;

    private TicketAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid TicketId { get; set; }

    /// <summary>The conversation entry it came with, or null when added on its own.</summary>
    public Guid? EntryId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid? UploadedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static TicketAttachment Create(Guid ticketId, Guid? entryId, string fileName, string contentType, byte[] content, Guid? uploadedBy, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        EntryId = entryId,
        FileName = fileName,
        ContentType = contentType,
        Size = content.LongLength,
        Content = content,
        UploadedByUserId = uploadedBy,
        CreatedAt = now,
    };
}
