using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Ledger;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>
/// Admin JSON API of cards: stock, sale, top-up, payment, reversal, refund, freeze, loss and close. Refusals
/// are problem details of types <c>insufficient-balance</c>, <c>card-not-active</c> and <c>pin-invalid</c>.
/// </summary>
[ApiController]
[Route("api/cards")]
internal sealed class CardsApiController(CardQueries cards) : ControllerBase
{
    /// <summary>Numbers new cards of a product in its format (Luhn check digit) and puts them in stock.</summary>
    [HttpPost("cards")]
    [RequirePermission(CardsPermissions.CreateCards)]
    [ProducesResponseType<IReadOnlyList<CardView>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateCardsInput request, [FromServices] ProductionService production, CancellationToken cancellationToken) =>
        (await production.NumberIntoStockAsync(request.ProductId!.Value, request.Quantity ?? 1, cancellationToken)).ToActionResult(created => Created($"/api/cards/cards/{created[0].Number}", created));

    /// <summary>Cards, numbers masked but for the last four digits.</summary>
    [HttpGet("cards")]
    [RequirePermission(CardsPermissions.ViewCards)]
    [ProducesResponseType<PagedCards>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CardStatus? status, Guid? productId, string? holderCode, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default) =>
        Ok(await cards.ListAsync(status, productId, holderCode, page, pageSize, cancellationToken));

    /// <summary>Reads a card by its number: status, product, holder, balance and points.</summary>
    [HttpGet("cards/{number}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string number, CancellationToken cancellationToken) =>
        await cards.ViewAsync(number, cancellationToken) is { } card ? Ok(card) : NoCard();

    /// <summary>The card's ledger, oldest first.</summary>
    [HttpGet("cards/{number}/ledger")]
    [RequirePermission(CardsPermissions.ViewCards)]
    [ProducesResponseType<IReadOnlyList<LedgerEntryView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Ledger(string number, CancellationToken cancellationToken) =>
        await cards.LedgerAsync(number, cancellationToken) is { } entries ? Ok(entries) : NoCard();

    /// <summary>Sells a card in stock to a member (by member code), with an optional first top-up.</summary>
    [HttpPost("cards/{number}/activation")]
    [RequirePermission(CardsPermissions.Sell)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Activate(string number, ActivationInput request, [FromServices] CardActivation activation, CancellationToken cancellationToken) =>
        (await activation.ActivateAsync(number, request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Tops a card up (amount in fen, within the product's limits) at a store.</summary>
    [HttpPost("cards/{number}/top-ups")]
    [RequirePermission(CardsPermissions.TopUp)]
    [ProducesResponseType<TransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> TopUp(string number, TopUpInput request, [FromServices] CardTopUps topUps, CancellationToken cancellationToken) =>
        (await topUps.TopUpAsync(number, request, cancellationToken)).ToActionResult(Transaction);

    /// <summary>Pays with a card (amount in fen; the PIN when the product asks for one) at a store.</summary>
    [HttpPost("cards/{number}/payments")]
    [RequirePermission(CardsPermissions.Pay)]
    [ProducesResponseType<TransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Pay(string number, PaymentInput request, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        (await payments.PayAsync(number, request, cancellationToken)).ToActionResult(Transaction);

    /// <summary>Reverses a whole payment, once.</summary>
    [HttpPost("payments/{transactionId:guid}/reversal")]
    [RequirePermission(CardsPermissions.Reverse)]
    [ProducesResponseType<TransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Reverse(Guid transactionId, ReversalInput? request, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        (await payments.ReverseAsync(transactionId, request ?? new ReversalInput(null, null), cancellationToken)).ToActionResult(Transaction);

    /// <summary>Refunds part or all of a payment onto the card.</summary>
    [HttpPost("payments/{transactionId:guid}/refunds")]
    [RequirePermission(CardsPermissions.Reverse)]
    [ProducesResponseType<TransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Refund(Guid transactionId, RefundInput request, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        (await payments.RefundAsync(transactionId, request, cancellationToken)).ToActionResult(Transaction);

    /// <summary>Redeems points of the card (PointsRedeem entry); 400 (field points) when the card has fewer.</summary>
    [HttpPost("cards/{number}/points-redemptions")]
    [RequirePermission(CardsPermissions.RedeemPoints)]
    [ProducesResponseType<TransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RedeemPoints(string number, PointsRedemptionInput request, [FromServices] CardPoints points, CancellationToken cancellationToken) =>
        (await points.RedeemAsync(number, request, cancellationToken)).ToActionResult(Transaction);

    /// <summary>Fees, deposits and deposit refunds taken at the counter for the card (not card value).</summary>
    [HttpGet("cards/{number}/charges")]
    [RequirePermission(CardsPermissions.ViewCards)]
    [ProducesResponseType<IReadOnlyList<ChargeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Charges(string number, CancellationToken cancellationToken) =>
        await cards.ChargesAsync(number, cancellationToken) is { } charges ? Ok(charges) : NoCard();

    /// <summary>Freezes a card: it cannot pay or be topped up until it is unfrozen.</summary>
    [HttpPost("cards/{number}/freeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Freeze(string number, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        (await changes.FreezeAsync(number, cancellationToken)).ToActionResult(Ok);

    /// <summary>Unfreezes a frozen card.</summary>
    [HttpPost("cards/{number}/unfreeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Unfreeze(string number, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        (await changes.UnfreezeAsync(number, cancellationToken)).ToActionResult(Ok);

    /// <summary>Loss report (挂失): the card stops at once.</summary>
    [HttpPost("cards/{number}/loss")]
    [RequirePermission(CardsPermissions.Freeze)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Loss(string number, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        (await changes.ReportLossAsync(number, cancellationToken)).ToActionResult(Ok);

    /// <summary>Closes the card and pays out its balance.</summary>
    [HttpPost("cards/{number}/close")]
    [RequirePermission(CardsPermissions.Close)]
    [ProducesResponseType<CardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Close(string number, ReversalInput? request, [FromServices] CardClosing closing, CancellationToken cancellationToken) =>
        (await closing.CloseAsync(number, request ?? new ReversalInput(null, null), cancellationToken)).ToActionResult(Ok);

    /// <summary>Compares every card's balance and points with the sum of its ledger and lists the differences.</summary>
    [HttpPost("ledger-check")]
    [RequirePermission(CardsPermissions.CheckLedger)]
    [ProducesResponseType<LedgerCheckReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CheckLedger([FromServices] LedgerCheck ledgerCheck, CancellationToken cancellationToken) => Ok(await ledgerCheck.RunAsync(cancellationToken));

    private CreatedResult Transaction(TransactionView transaction) => Created($"/api/cards/cards/{transaction.CardNumber}/ledger", transaction);

    private static RefusalResult NoCard() => new RefusalResult(Refuse.NotFound("No such card."));
}
