using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Application.Stock;

internal sealed record SupplierInput(
    [Required][StringLength(200, MinimumLength = 1)] string? Name,
    [StringLength(100)] string? Contact,
    [StringLength(50)] string? Phone,
    [EmailAddress][StringLength(200)] string? Email);

internal sealed record SupplierView(Guid Id, string Name, string? Contact, string? Phone, string? Email, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SupplierView From(Supplier s) => new(s.Id, s.Name, s.Contact, s.Phone, s.Email, s.CreatedAt, s.UpdatedAt);
}

internal sealed record PurchaseOrderInput(
    [Required] Guid? SupplierId,
    [Required] Guid? ProductId,
    [Required][Range(1, 1_000_000)] int? Quantity,
    [Required][Range(0, long.MaxValue)] long? UnitPrice,
    DateOnly? ExpectedDate,
    [StringLength(500)] string? Note);

internal sealed record ReceiptInput(
    [Required][Range(1, 1_000_000)] int? Quantity,
    [Required][StringLength(100, MinimumLength = 1)] string? BatchReference);

internal sealed record ReceiptView(Guid Id, Guid PurchaseOrderId, Guid ProductId, string BatchReference, int Quantity, string LocationCode, string? UserName, DateTime ReceivedAt)
{
    public static ReceiptView From(PurchaseReceipt r) => new(r.Id, r.PurchaseOrderId, r.ProductId, r.BatchReference, r.Quantity, r.LocationCode, r.UserName, r.ReceivedAt);
}

internal sealed record PurchaseOrderView(
    Guid Id,
    Guid SupplierId,
    Guid ProductId,
    int Quantity,
    long UnitPrice,
    long Total,
    string Currency,
    DateOnly? ExpectedDate,
    PurchaseOrderStatus Status,
    int ReceivedQuantity,
    int OutstandingQuantity,
    string? Note,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ReceiptView> Receipts)
{
    public static PurchaseOrderView From(PurchaseOrder o, IReadOnlyList<ReceiptView> receipts) => new(o.Id, o.SupplierId, o.ProductId, o.Quantity, o.UnitPrice,
        o.UnitPrice * o.Quantity, o.Currency, o.ExpectedDate, o.Status, o.ReceivedQuantity, o.Quantity - o.ReceivedQuantity, o.Note, o.CreatedAt, o.UpdatedAt, receipts);
}
