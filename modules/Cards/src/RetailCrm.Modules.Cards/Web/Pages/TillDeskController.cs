using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record LookupForm([Required(ErrorMessage = "Type or scan the card number.")][StringLength(40, ErrorMessage = "At most 40 characters.")] string? Number, string? StoreCode);

internal sealed record SellForm(
    [Required(ErrorMessage = "Give the member's code.")][StringLength(40, ErrorMessage = "At most 40 characters.")] string? MemberCode,
    [Yuan] string? InitialTopUp,
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "A PIN has 4 to 8 digits.")] string? Pin,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode);

internal sealed record TopUpForm(
    [Required(ErrorMessage = "Give the amount.")][Yuan(Positive = true)] string? Amount,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode);

internal sealed record PayForm(
    [Required(ErrorMessage = "Give the amount.")][Yuan(Positive = true)] string? Amount,
    [StringLength(8, ErrorMessage = "A PIN has 4 to 8 digits.")] string? Pin,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode);

internal sealed record StoreForm(string? StoreCode);

/// <summary>
/// The till desk page of one card. <paramref name="FailedForm"/> names the form shown again with
/// <paramref name="Errors"/> and the values it was sent with (<paramref name="Posted"/>).
/// </summary>
internal sealed record DeskPage(
    CardDetails? Card,
    string? HolderName,
    IReadOnlyList<LedgerEntryView> Ledger,
    IReadOnlyList<PaymentRow> Payments,
    string? Store,
    IReadOnlyList<OrganizationUnitInfo> Stores,
    string? Notice,
    string? FailedForm,
    FieldErrors Errors,
    IReadOnlyDictionary<string, string> Posted,
    IReadOnlySet<string> Granted,
    IReadOnlyList<ChargeView>? Charges = null,
    ExchangeOffer? Exchange = null)
{
    /// <summary>Whether the user holds the permission (the desk shows only the forms the user may send).</summary>
    public bool Can(string permission) => Granted.Contains(permission);

    public string? Value(string form, string field) => FailedForm == form && Posted.TryGetValue(field, out var value) ? value : null;

    public string? Error(string form, string field) => FailedForm == form ? Errors.For(field) : null;
}

/// <summary>
/// The till desk (门店收银): look a card up by its number, then sell it, top it up, take a payment, reverse a
/// recent payment, freeze or unfreeze it, report it lost or close it. Amounts are typed in yuan and kept in
/// fen; every money form posts once (<see cref="CardsPageBase.OnceAsync"/>) and redirects back (PRG).
/// The clerk has the card in hand, so the desk shows its full number; every other page masks it.
/// </summary>
[Route("cards/desk")]
internal sealed partial class TillDeskController(CardService cards, CardQueries queries, ICustomerLookup customers, IOrganizationUnits units, ICurrentUser user,
    IPermissionChecker permissions, ExchangeService exchanges, SellingPageQueries sellingQueries) : CardsPageBase
{
    private const int RecentPayments = 5;

    private static readonly string[] s_deskPermissions =
        [CardsPermissions.Sell, CardsPermissions.TopUp, CardsPermissions.Pay, CardsPermissions.Reverse, CardsPermissions.Freeze, CardsPermissions.Close,
        CardsPermissions.Exchange, CardsPermissions.RedeemPoints];

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Index(string? store, CancellationToken cancellationToken) =>
        View(await PageAsync(null, store, Notice, null, new FieldErrors(), cancellationToken));

    [HttpPost("")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Lookup(LookupForm form, CancellationToken cancellationToken)
    {
        var errors = ModelErrors();
        if (errors.Count == 0 && await queries.FindIdAsync(form.Number!, cancellationToken) is { } id)
        {
            return Redirect(DeskUrl(id, form.StoreCode));
        }

        if (errors.Count == 0)
        {
            errors.Add("Number", "No card has this number.");
        }

        Response.StatusCode = 404;
        return View("Index", await PageAsync(null, form.StoreCode, null, "lookup", errors, cancellationToken));
    }

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Card(Guid id, string? store, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } card
            ? View(await PageAsync(card, store, Notice, null, new FieldErrors(), cancellationToken))
            : NotFound();

    [HttpPost("{id:guid}/sell")]
    [RequirePermission(CardsPermissions.Sell)]
    public Task<IActionResult> Sell(Guid id, SellForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "sell", form.StoreCode, formToken, "Card sold.", async number =>
            (await cards.ActivateAsync(number, new ActivationInput(form.MemberCode, Fen(form.InitialTopUp), Blank(form.Pin), Blank(form.StoreCode), Receipt(form.ReceiptId, formToken)), cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/top-up")]
    [RequirePermission(CardsPermissions.TopUp)]
    public Task<IActionResult> TopUp(Guid id, TopUpForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "top-up", form.StoreCode, formToken, "Topped up.", async number =>
            (await cards.TopUpAsync(number, new TopUpInput(Fen(form.Amount), Receipt(form.ReceiptId, formToken), Blank(form.StoreCode)), cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/pay")]
    [RequirePermission(CardsPermissions.Pay)]
    public Task<IActionResult> Pay(Guid id, PayForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "pay", form.StoreCode, formToken, "Payment taken.", async number =>
            (await cards.PayAsync(number, new PaymentInput(Fen(form.Amount), Receipt(form.ReceiptId, formToken), Blank(form.Pin), Blank(form.StoreCode)), cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/payments/{paymentId:guid}/reverse")]
    [RequirePermission(CardsPermissions.Reverse)]
    public Task<IActionResult> Reverse(Guid id, Guid paymentId, StoreForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "reverse", form.StoreCode, formToken, "Payment reversed.", async _ =>
            (await cards.ReverseAsync(paymentId, new ReversalInput(Receipt(null, formToken), Blank(form.StoreCode)), cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/freeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    public Task<IActionResult> Freeze(Guid id, StoreForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, formToken, "Card frozen.", async number => (await cards.FreezeAsync(number, cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/unfreeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    public Task<IActionResult> Unfreeze(Guid id, StoreForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, formToken, "Card unfrozen.", async number => (await cards.UnfreezeAsync(number, cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/loss")]
    [RequirePermission(CardsPermissions.Freeze)]
    public Task<IActionResult> Loss(Guid id, StoreForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, formToken, "Card reported lost.", async number => (await cards.ReportLossAsync(number, cancellationToken)).Refusal, cancellationToken);

    [HttpPost("{id:guid}/close")]
    [RequirePermission(CardsPermissions.Close)]
    public Task<IActionResult> Close(Guid id, StoreForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(id, "close", form.StoreCode, formToken, "Card closed; its balance is paid out.", async number =>
            (await cards.CloseAsync(number, new ReversalInput(Receipt(null, formToken), Blank(form.StoreCode)), cancellationToken)).Refusal, cancellationToken);

    /// <summary>
    /// One desk action: once per form token; invalid fields or a refusal show the desk again with the form's
    /// errors and values (status 400/409), success redirects back to the card with a notice.
    /// </summary>
    private Task<IActionResult> ActAsync(Guid id, string formName, string? store, string? formToken, string done, Func<string, Task<Refusal?>> act,
        CancellationToken cancellationToken) =>
        ActThenGoAsync(id, formName, store, formToken, done, async number => (await act(number), (Guid?)null), cancellationToken);

    /// <summary>As above; on success the desk of the card <paramref name="act"/> names (e.g. the new card of an exchange), else of this card.</summary>
    private async Task<IActionResult> ActThenGoAsync(Guid id, string formName, string? store, string? formToken, string done, Func<string, Task<(Refusal? Refused, Guid? Next)>> act,
        CancellationToken cancellationToken) =>
        await OnceAsync(formToken, DeskUrl(id, store), async () =>
        {
            if (await queries.GetAsync(id, cancellationToken) is not { } card)
            {
                return NotFound();
            }

            var errors = ModelErrors();
            Guid? next = null;
            Refusal? refused = null;
            if (errors.Count == 0)
            {
                (refused, next) = await act(card.Card.Number);
            }

            if (refused is not null)
            {
                errors = ErrorsOf(refused);
                Response.StatusCode = StatusOf(refused);
            }
            else if (errors.Count > 0)
            {
                Response.StatusCode = 400;
            }

            if (errors.Count > 0)
            {
                return View("Card", await PageAsync(await queries.GetAsync(id, cancellationToken), store, null, formName, errors, cancellationToken));
            }

            Notice = done;
            return Redirect(DeskUrl(next ?? id, store));
        });

    private async Task<DeskPage> PageAsync(CardDetails? card, string? store, string? notice, string? failedForm, FieldErrors errors, CancellationToken cancellationToken)
    {
        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        if (string.IsNullOrWhiteSpace(store) && user.OrganizationUnitId is { } unitId && stores.FirstOrDefault(s => s.Id == unitId) is { } own)
        {
            store = own.Code;
        }

        var posted = Request.HasFormContentType
            ? Request.Form.Where(f => f.Key != FormTokenField && !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in s_deskPermissions)
        {
            if (await permissions.IsGrantedAsync(permission, cancellationToken))
            {
                granted.Add(permission);
            }
        }

        if (card is null)
        {
            return new DeskPage(null, null, [], [], store, stores, notice, failedForm, errors, posted, granted);
        }

        var holder = card.Card.HolderCustomerId is { } holderId ? await customers.FindAsync(holderId, cancellationToken) : null;
        var ledger = await cards.LedgerAsync(card.Card.Number, cancellationToken) ?? [];
        var payments = await queries.RecentPaymentsAsync(card.Card.Id, RecentPayments, cancellationToken);
        var charges = await cards.ChargesAsync(card.Card.Number, cancellationToken);
        var exchange = granted.Contains(CardsPermissions.Exchange) ? await sellingQueries.ExchangeOfferAsync(card.Card.Id, store, cancellationToken) : null;
        return new DeskPage(card, holder?.DisplayName, ledger, payments, store, stores, notice, failedForm, errors, posted, granted, charges, exchange);
    }

    private static string DeskUrl(Guid id, string? store) =>
        string.IsNullOrWhiteSpace(store) ? $"/cards/desk/{id}" : $"/cards/desk/{id}?store={Uri.EscapeDataString(store.Trim())}";

    private static long? Fen(string? yuan) => Money.TryParseYuan(yuan, out var fen, out _) ? fen : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The receipt typed, else one made from the form token: the ledger entry names the form it came from.</summary>
    private static string? Receipt(string? typed, string? formToken) =>
        Blank(typed) ?? (string.IsNullOrWhiteSpace(formToken) ? null : "desk-" + formToken.Trim()[..Math.Min(12, formToken.Trim().Length)]);
}
