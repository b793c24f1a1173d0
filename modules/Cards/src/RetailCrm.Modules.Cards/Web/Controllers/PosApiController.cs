using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Controllers;

internal sealed record PosPaymentInput([Required][Range(1, long.MaxValue)] long? Amount, [StringLength(100)] string? ReceiptId, [StringLength(8)] string? Pin);

internal sealed record PosTopUpInput([Required][Range(1, long.MaxValue)] long? Amount, [StringLength(100)] string? ReceiptId);

internal sealed record PosActivationInput(
    [Required][StringLength(40, MinimumLength = 1)] string? MemberCode,
    [Range(0, long.MaxValue)] long? InitialTopUp,
    [StringLength(8)] string? Pin,
    [StringLength(100)] string? ReceiptId);

internal sealed record PosReversalInput([StringLength(100)] string? ReceiptId);

internal sealed record PosCardView(string CardNumber, CardStatus Status, long Balance, long Points, string Currency, string? HolderCode, string? HolderName);

internal sealed record PosTransactionView(Guid TransactionId, long Balance, long Points, long Amount, string Currency);

/// <summary>
/// The till API POS vendors integrate against: every request is signed by a registered terminal
/// (<see cref="TerminalAuthenticationHandler"/>), which fixes tenant and store; every write needs an Idempotency-Key.
/// Money moves through the same use cases as in the admin API.
/// </summary>
[ApiController]
[Authorize(AuthenticationSchemes = TerminalAuthenticationHandler.SchemeName)]
[Route("api/pos")]
internal sealed class PosApiController(CardQueries cards, ICustomerLookup customers) : ControllerBase
{
    private string StoreCode => User.FindFirstValue(TerminalAuthenticationHandler.StoreClaim)!;

    /// <summary>Looks a card up for the till: status, balance, points and the holder's masked name.</summary>
    [HttpGet("cards/{cardNo}")]
    [ProducesResponseType<PosCardView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string cardNo, CancellationToken cancellationToken)
    {
        if (await cards.ViewAsync(cardNo, cancellationToken) is not { } card)
        {
            return new RefusalResult(Refuse.NotFound("No such card."));
        }

        var holder = card.HolderCustomerId is { } holderId ? await customers.FindAsync(holderId, cancellationToken) : null;
        return Ok(new PosCardView(card.Number, card.Status, card.Balance, card.Points, card.Currency, card.HolderCode, MaskName(holder?.DisplayName)));
    }

    /// <summary>Pays with the card at the terminal's store (amount in fen; the PIN when the product asks for one).</summary>
    [HttpPost("cards/{cardNo}/payments")]
    [IdempotentWrite]
    [ProducesResponseType<PosTransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Pay(string cardNo, PosPaymentInput request, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        (await payments.PayAsync(cardNo, new PaymentInput(request.Amount, request.ReceiptId, request.Pin, StoreCode), cancellationToken)).ToActionResult(Transaction);

    /// <summary>Reverses a payment of the same day at the terminal's store: the amount goes back onto the card.</summary>
    [HttpPost("payments/{transactionId:guid}/reversal")]
    [IdempotentWrite]
    [ProducesResponseType<PosTransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Reverse(Guid transactionId, PosReversalInput? request, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        (await payments.ReverseAsync(transactionId, new ReversalInput(request?.ReceiptId, StoreCode), cancellationToken)).ToActionResult(Transaction);

    /// <summary>Tops the card up at the terminal's store (amount in fen, within the product's limits).</summary>
    [HttpPost("cards/{cardNo}/top-ups")]
    [IdempotentWrite]
    [ProducesResponseType<PosTransactionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> TopUp(string cardNo, PosTopUpInput request, [FromServices] CardTopUps topUps, CancellationToken cancellationToken) =>
        (await topUps.TopUpAsync(cardNo, new TopUpInput(request.Amount, request.ReceiptId, StoreCode), cancellationToken)).ToActionResult(Transaction);

    /// <summary>Sells and activates a card for a member at the terminal's store, with an optional first top-up and PIN.</summary>
    [HttpPost("cards/{cardNo}/activation")]
    [IdempotentWrite]
    [ProducesResponseType<PosCardView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Activate(string cardNo, PosActivationInput request, [FromServices] CardActivation activation, CancellationToken cancellationToken) =>
        (await activation.ActivateAsync(cardNo, new ActivationInput(request.MemberCode, request.InitialTopUp, request.Pin, StoreCode, request.ReceiptId), cancellationToken))
            .ToActionResult(card => Created($"/api/pos/cards/{card.Number}", new PosCardView(card.Number, card.Status, card.Balance, card.Points, card.Currency, card.HolderCode, null)));

    /// <summary>王芳 → 王*, Alice Smith → A**********: enough for the clerk to check, not to read out.</summary>
    internal static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? null : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    private CreatedResult Transaction(TransactionView t) =>
        Created($"/api/pos/cards/{t.CardNumber}", new PosTransactionView(t.TransactionId, t.Balance, t.Points, t.Amount, t.Currency));
}
