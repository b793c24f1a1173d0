using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record ExchangeForm(
    [StringLength(32, ErrorMessage = "At most 32 characters.")] string? NewNumber,
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "A PIN has 4 to 8 digits.")] string? Pin,
    [StringLength(200, ErrorMessage = "At most 200 characters.")] string? Reason,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode);

internal sealed record RedeemForm(
    [Required(ErrorMessage = "Give the points.")][Range(1, long.MaxValue, ErrorMessage = "At least 1 point.")] long? Points,
    [Required(ErrorMessage = "Give the reason.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Reason,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode);

internal sealed record RefundForm(
    [Required(ErrorMessage = "Give the amount.")][Yuan(Positive = true)] string? Amount,
    string? StoreCode);

/// <summary>
/// The desk's selling actions beside the till ones: exchange (换卡) for a card from the location's stock, points
/// redemption (积分兑换) and a partial refund of a recent payment. Same rules as the other desk forms: once per
/// rendering, errors shown on the desk, success redirects (an exchange to the new card's desk).
/// </summary>
internal sealed partial class TillDeskController
{
    [HttpPost("{id:guid}/exchange")]
    [RequirePermission(CardsPermissions.Exchange)]
    [PostOnce]
    public Task<IActionResult> Exchange(Guid id, ExchangeForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "exchange", form.StoreCode, "Card exchanged: its balance and points moved to this new card.", async number =>
            await sellingQueries.ExchangeOfferAsync(id, form.StoreCode, cancellationToken) is { } offer
                ? await exchanges.ExchangeAsync(number, new ExchangeInput(offer.LocationCode, Blank(form.NewNumber), Blank(form.Pin), Receipt(form.ReceiptId, formToken), Blank(form.Reason)), cancellationToken)
                : Refuse.Invalid("newNumber", "No head office or store of this tenant has this code."),
            cancellationToken, exchange => exchange.NewCard?.Id);

    [HttpPost("{id:guid}/redeem")]
    [RequirePermission(CardsPermissions.RedeemPoints)]
    [PostOnce]
    public Task<IActionResult> Redeem(Guid id, RedeemForm form, string? formToken, [FromServices] CardPoints points, CancellationToken cancellationToken) =>
        ActAsync(id, "redeem", form.StoreCode, "Points redeemed.", number =>
            points.RedeemAsync(number, new PointsRedemptionInput(form.Points, Blank(form.Reason), Receipt(form.ReceiptId, formToken), Blank(form.StoreCode)), cancellationToken),
            cancellationToken);

    [HttpPost("{id:guid}/payments/{paymentId:guid}/refund")]
    [RequirePermission(CardsPermissions.Reverse)]
    [PostOnce]
    public Task<IActionResult> Refund(Guid id, Guid paymentId, RefundForm form, string? formToken, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        ActAsync(id, "refund:" + paymentId, form.StoreCode, "Refunded onto the card.", _ =>
            payments.RefundAsync(paymentId, new RefundInput(Fen(form.Amount), Receipt(null, formToken), Blank(form.StoreCode)), cancellationToken),
            cancellationToken, receipt: Written);
}
