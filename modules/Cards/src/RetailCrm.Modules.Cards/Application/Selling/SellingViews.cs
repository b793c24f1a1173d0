using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Selling;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>
/// HQ bulk sale: <paramref name="Quantity"/> cards of the product from HQ stock to the company customer with this
/// member code, each preloaded with <paramref name="ValuePerCard"/> (minor units; 0 = none), against the invoice.
/// </summary>
internal sealed record BulkSaleInput(
    [Required] Guid? ProductId,
    [Required][Range(1, 1000)] int? Quantity,
    [Required][StringLength(40, MinimumLength = 1)] string? CustomerCode,
    [Required][StringLength(100, MinimumLength = 1)] string? InvoiceNumber,
    [Range(0, long.MaxValue)] long? ValuePerCard,
    [StringLength(8)] string? Pin,
    [StringLength(500)] string? Note);

internal sealed record BulkSaleView(
    Guid Id,
    string InvoiceNumber,
    Guid CustomerId,
    string CustomerCode,
    string CustomerName,
    Guid ProductId,
    int Quantity,
    long ValuePerCard,
    long TotalValue,
    long TotalCharges,
    string Currency,
    string StoreCode,
    string? Note,
    string? UserName,
    DateTime SoldAt,
    IReadOnlyList<string> CardNumbers)
{
    public static BulkSaleView From(BulkSale s) => new(s.Id, s.InvoiceNumber, s.CustomerId, s.CustomerCode, s.CustomerName, s.ProductId, s.Quantity,
        s.ValuePerCard, s.TotalValue, s.TotalCharges, s.Currency, s.StoreCode, s.Note, s.UserName, s.SoldAt,
        s.Cards.Select(c => c.Number).Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// Card exchange at HQ or a store (<paramref name="LocationCode"/>, an organization unit's code): the new card is
/// <paramref name="NewNumber"/> or, when none is given, picked from that location's stock of the old card's product.
/// </summary>
internal sealed record ExchangeInput(
    [Required][StringLength(50, MinimumLength = 1)] string? LocationCode,
    [StringLength(32)] string? NewNumber,
    [StringLength(8)] string? Pin,
    [StringLength(100)] string? ReceiptId,
    [StringLength(200)] string? Reason);

internal sealed record ExchangeView(
    Guid Id,
    string OldNumber,
    CardStatus OldStatus,
    string NewNumber,
    string LocationCode,
    long Balance,
    long Points,
    long Fee,
    string? ReceiptId,
    string? Reason,
    string? UserName,
    DateTime ExchangedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] CardView? NewCard = null)
{
    public static ExchangeView From(CardExchange x, CardView? newCard = null) => new(x.Id, x.OldNumber, x.OldStatus, x.NewNumber, x.LocationCode,
        x.Balance, x.Points, x.Fee, x.ReceiptId, x.Reason, x.UserName, x.ExchangedAt, newCard);
}
