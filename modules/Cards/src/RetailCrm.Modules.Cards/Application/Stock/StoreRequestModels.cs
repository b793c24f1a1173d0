using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Application.Stock;

internal sealed record StoreRequestInput(
    [Required][StringLength(50, MinimumLength = 1)] string? StoreCode,
    [Required] Guid? ProductId,
    [Required][Range(1, 100_000)] int? Quantity,
    [StringLength(500)] string? Note);

/// <summary>HQ's approval; without a quantity the requested quantity is approved.</summary>
internal sealed record ApprovalInput([Range(1, 100_000)] int? Quantity);

internal sealed record RejectionInput([Required][StringLength(500, MinimumLength = 1)] string? Reason);

/// <summary>The cards to ship; without numbers HQ picks the approved quantity of its stock, lowest numbers first.</summary>
internal sealed record ShipmentInput(IReadOnlyList<string>? Numbers);

/// <summary>The cards that arrived; without numbers every shipped card arrived.</summary>
internal sealed record StoreReceiptInput(IReadOnlyList<string>? Numbers);

/// <summary>What became of shipped cards that never arrived at the store.</summary>
internal enum MissingCardResolution
{
    /// <summary>They turned up at HQ (never left, or came back): in stock at HQ again.</summary>
    ReturnToHq,

    /// <summary>They are lost on the way: Void, with the reason.</summary>
    WriteOff,
}

internal sealed record MissingCardsInput([Required] MissingCardResolution? Resolution, [Required][StringLength(500, MinimumLength = 1)] string? Reason);

internal sealed record StoreRequestView(
    Guid Id,
    string StoreCode,
    Guid ProductId,
    StoreRequestStatus Status,
    int RequestedQuantity,
    int? ApprovedQuantity,
    int ShippedQuantity,
    int ReceivedQuantity,
    string? Note,
    string? RejectionReason,
    string? FromLocationCode,
    string? RequestedBy,
    string? DecidedBy,
    string? ShippedBy,
    string? ReceivedBy,
    DateTime RequestedAt,
    DateTime? DecidedAt,
    DateTime? ShippedAt,
    DateTime? ReceivedAt,
    IReadOnlyList<string> ShippedNumbers,
    IReadOnlyList<string> ReceivedNumbers,
    IReadOnlyList<string> MissingNumbers)
{
    public static StoreRequestView From(StoreRequest r, IReadOnlyList<ShipmentCard> lines) => new(r.Id, r.StoreCode, r.ProductId, r.Status, r.RequestedQuantity,
        r.ApprovedQuantity, r.ShippedQuantity, r.ReceivedQuantity, r.Note, r.RejectionReason, r.FromLocationCode, r.RequestedBy, r.DecidedBy, r.ShippedBy,
        r.ReceivedBy, r.RequestedAt, r.DecidedAt, r.ShippedAt, r.ReceivedAt,
        lines.Select(l => l.Number).Order(StringComparer.Ordinal).ToList(),
        lines.Where(l => l.Received).Select(l => l.Number).Order(StringComparer.Ordinal).ToList(),
        r.Status == StoreRequestStatus.Received ? lines.Where(l => !l.Received).Select(l => l.Number).Order(StringComparer.Ordinal).ToList() : []);
}
