using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record LookupForm([Required(ErrorMessage = "Type or scan the card number.")][StringLength(40, ErrorMessage = "At most 40 characters.")] string? Number, string? StoreCode);

/// <summary>A sale: MemberCode is the member's code, phone (any format), name or pinyin initials; MemberPick the code picked from the list a search with several hits showed (it wins).</summary>
internal sealed record SellForm(
    [Required(ErrorMessage = "Give the member's code.")][StringLength(40, ErrorMessage = "At most 40 characters.")] string? MemberCode,
    [Yuan] string? InitialTopUp,
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "A PIN has 4 to 8 digits.")] string? Pin,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? ReceiptId,
    string? StoreCode,
    [StringLength(40, ErrorMessage = "At most 40 characters.")] string? MemberPick);

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

/// <summary>The till desk page of one card (or of none, to look one up); a refused form is in the page's <see cref="FormState"/>.</summary>
internal sealed record DeskPage(
    CardDetails? Card,
    string? HolderName,
    IReadOnlyList<LedgerEntryView> Ledger,
    IReadOnlyList<PaymentRow> Payments,
    string? Store,
    IReadOnlyList<OrganizationUnitInfo> Stores,
    UserPermissions Permissions,
    IReadOnlyList<ChargeView>? Charges = null,
    ExchangeOffer? Exchange = null)
{
    /// <summary>The tabs of the command bar.</summary>
    public IReadOnlyList<DeskOperation> Operations { get; init; } = [];

    /// <summary>The key of the one panel shown (the others are rendered, hidden).</summary>
    public string Open { get; init; } = "";

    /// <summary>The entry just written (a sale, top-up, payment, reversal...): its receipt is offered and the cursor waits in the look-up box for the next customer.</summary>
    public LedgerEntryView? LastEntry { get; init; }

    /// <summary>Members a refused sale's search found, to pick one from.</summary>
    public IReadOnlyList<CustomerSummary> MemberChoices { get; init; } = [];

    /// <summary>The deposit (押金) the counter holds for the card: deposits taken less deposits paid back.</summary>
    public long Deposit => Charges?.Where(c => c.Kind is CardChargeKind.Deposit or CardChargeKind.DepositRefund).Sum(c => c.Amount) ?? 0;
}

/// <summary>
/// The till desk (门店收银): look a card up by its number, then sell it, top it up, take a payment, reverse a
/// recent payment, freeze or unfreeze it, report it lost or close it. Amounts are typed in yuan and kept in
/// fen; every money form posts once (<see cref="PostOnceAttribute"/>) and redirects back (PRG).
/// The clerk has the card in hand, so the desk shows its full number; every other page masks it.
/// </summary>
[Route("cards/desk")]
internal sealed partial class TillDeskController(CardQueries queries, ICustomerLookup customers, IOrganizationUnits units, ICurrentUser user,
    IPermissionChecker permissions, ExchangeService exchanges, SellingPageQueries sellingQueries) : CardsPageController
{
    private const int RecentPayments = 5;
    private const int MemberChoices = 6;

    private static readonly string[] s_deskPermissions =
        [CardsPermissions.Sell, CardsPermissions.TopUp, CardsPermissions.Pay, CardsPermissions.Reverse, CardsPermissions.Freeze, CardsPermissions.Close,
        CardsPermissions.Exchange, CardsPermissions.RedeemPoints, CardsPermissions.ManageProducts];

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Index(string? store, CancellationToken cancellationToken) =>
        View(await PageAsync(null, store, cancellationToken));

    /// <summary>Finds the card (a read, so no once-only token): its desk, or the lookup form again.</summary>
    [HttpPost("")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public Task<IActionResult> Lookup(LookupForm form, CancellationToken cancellationToken) =>
        SubmitAsync<Guid>("lookup",
            async () => await queries.FindIdAsync(form.Number!, cancellationToken) is { } id ? id : Refuse.NotFound("No card has this number.").At("Number"),
            id => Redirect(DeskUrl(id, form.StoreCode)),
            async () => View("Index", await PageAsync(null, form.StoreCode, cancellationToken)));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Card(Guid id, string? store, string? op, Guid? receipt, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } card
            ? View(await PageAsync(card, store, cancellationToken, op, receipt))
            : NotFound();

    [HttpPost("{id:guid}/sell")]
    [RequirePermission(CardsPermissions.Sell)]
    [PostOnce]
    public Task<IActionResult> Sell(Guid id, SellForm form, string? formToken, [FromServices] CardActivation activation, CancellationToken cancellationToken) =>
        ActAsync<Guid?>(id, "sell", form.StoreCode, "Card sold.", async number =>
        {
            var member = await MemberCodeAsync(Blank(form.MemberPick) ?? form.MemberCode!, cancellationToken);
            if (member.Refusal is { } unknown)
            {
                return unknown;
            }

            var sold = await activation.ActivateAsync(number, new ActivationInput(member.Value, Fen(form.InitialTopUp), Blank(form.Pin), Blank(form.StoreCode), Receipt(form.ReceiptId, formToken)), cancellationToken);
            return sold.Refusal is { } refused ? refused : await queries.LatestMoneyEntryIdAsync(id, cancellationToken);
        }, cancellationToken, receipt: entry => entry);

    [HttpPost("{id:guid}/top-up")]
    [RequirePermission(CardsPermissions.TopUp)]
    [PostOnce]
    public Task<IActionResult> TopUp(Guid id, TopUpForm form, string? formToken, [FromServices] CardTopUps topUps, CancellationToken cancellationToken) =>
        ActAsync(id, "top-up", form.StoreCode, "Topped up.", number =>
            topUps.TopUpAsync(number, new TopUpInput(Fen(form.Amount), Receipt(form.ReceiptId, formToken), Blank(form.StoreCode)), cancellationToken),
            cancellationToken, receipt: Written);

    [HttpPost("{id:guid}/pay")]
    [RequirePermission(CardsPermissions.Pay)]
    [PostOnce]
    public Task<IActionResult> Pay(Guid id, PayForm form, string? formToken, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        ActAsync(id, "pay", form.StoreCode, "Payment taken.", number =>
            payments.PayAsync(number, new PaymentInput(Fen(form.Amount), Receipt(form.ReceiptId, formToken), Blank(form.Pin), Blank(form.StoreCode)), cancellationToken),
            cancellationToken, receipt: Written);

    [HttpPost("{id:guid}/payments/{paymentId:guid}/reverse")]
    [RequirePermission(CardsPermissions.Reverse)]
    [PostOnce]
    public Task<IActionResult> Reverse(Guid id, Guid paymentId, StoreForm form, string? formToken, [FromServices] CardPayments payments, CancellationToken cancellationToken) =>
        ActAsync(id, "reverse", form.StoreCode, "Payment reversed.", _ =>
            payments.ReverseAsync(paymentId, new ReversalInput(Receipt(null, formToken), Blank(form.StoreCode)), cancellationToken),
            cancellationToken, receipt: Written);

    [HttpPost("{id:guid}/freeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    [PostOnce]
    public Task<IActionResult> Freeze(Guid id, StoreForm form, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, "Card frozen.", number => changes.FreezeAsync(number, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/unfreeze")]
    [RequirePermission(CardsPermissions.Freeze)]
    [PostOnce]
    public Task<IActionResult> Unfreeze(Guid id, StoreForm form, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, "Card unfrozen.", number => changes.UnfreezeAsync(number, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/loss")]
    [RequirePermission(CardsPermissions.Freeze)]
    [PostOnce]
    public Task<IActionResult> Loss(Guid id, StoreForm form, [FromServices] CardStatusChanges changes, CancellationToken cancellationToken) =>
        ActAsync(id, "status", form.StoreCode, "Card reported lost.", number => changes.ReportLossAsync(number, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/close")]
    [RequirePermission(CardsPermissions.Close)]
    [PostOnce]
    public Task<IActionResult> Close(Guid id, StoreForm form, string? formToken, [FromServices] CardClosing closing, CancellationToken cancellationToken) =>
        ActAsync(id, "close", form.StoreCode, "Card closed; its balance is paid out.", number =>
            closing.CloseAsync(number, new ReversalInput(Receipt(null, formToken), Blank(form.StoreCode)), cancellationToken), cancellationToken);

    /// <summary>
    /// One desk action on the card: invalid fields or a refusal show the desk again with the form's errors and values
    /// (the refusal's status), success redirects with a notice to the desk of this card, or of the card <paramref name="next"/> names.
    /// A money action names the entry it wrote (<paramref name="receipt"/>): the desk then offers its receipt and waits for the next card.
    /// </summary>
    private async Task<IActionResult> ActAsync<T>(Guid id, string formId, string? store, string notice, Func<string, Task<Result<T>>> act,
        CancellationToken cancellationToken, Func<T, Guid?>? next = null, Func<T, Guid?>? receipt = null)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        return await SubmitAsync(formId, () => act(card.Card.Number),
            value =>
            {
                Remember(DeskOperations.OfForm(formId));
                var target = next?.Invoke(value) ?? id;
                return Done(DeskUrl(target, store, target == id ? DeskOperations.OfForm(formId) : null, receipt?.Invoke(value)), notice);
            },
            async () => View("Card", await PageAsync(await queries.GetAsync(id, cancellationToken), store, cancellationToken)));
    }

    private void Remember(string? op)
    {
        if (op is not null && DeskOperations.Remembered(op))
        {
            Response.Cookies.Append(DeskOperations.LastUsedCookie, op, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(30), Path = "/cards/desk" });
        }
    }

    /// <summary>The member a sale names: the exact code, else the one member the search (phone, name, pinyin initials, code) finds.</summary>
    private async Task<Result<string>> MemberCodeAsync(string term, CancellationToken cancellationToken)
    {
        if (await customers.FindByCodeAsync(term, cancellationToken) is { } exact)
        {
            return exact.Code;
        }

        var found = await customers.SearchAsync(term, MemberChoices, cancellationToken);
        return found.Count switch
        {
            0 => Refuse.Invalid("MemberCode", "No member has this phone, name or code."),
            1 => found[0].Code,
            _ => Refuse.Invalid("MemberCode", "Several members match: pick one."),
        };
    }

    private async Task<DeskPage> PageAsync(CardDetails? card, string? store, CancellationToken cancellationToken, string? op = null, Guid? receipt = null)
    {
        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        if (string.IsNullOrWhiteSpace(store) && user.OrganizationUnitId is { } unitId && stores.FirstOrDefault(s => s.Id == unitId) is { } own)
        {
            store = own.Code;
        }

        var granted = await UserPermissions.OfAsync(permissions, s_deskPermissions, cancellationToken);
        if (card is null)
        {
            return new DeskPage(null, null, [], [], store, stores, granted);
        }

        var holder = card.Card.HolderCustomerId is { } holderId ? await customers.FindAsync(holderId, cancellationToken) : null;
        var ledger = await queries.LedgerAsync(card.Card.Number, cancellationToken) ?? [];
        var payments = await queries.RecentPaymentsAsync(card.Card.Id, RecentPayments, cancellationToken);
        var charges = await queries.ChargesAsync(card.Card.Number, cancellationToken);
        var exchange = granted.Can(CardsPermissions.Exchange) ? await sellingQueries.ExchangeOfferAsync(card.Card.Id, store, cancellationToken) : null;
        var exchangeable = Domain.Card.HoldsValue(card.Card.Status) && granted.Can(CardsPermissions.Exchange) && exchange is not null;
        var operations = DeskOperations.Of(card, granted, payments.Count > 0, exchangeable);
        var refused = FormState.Of(ViewData);
        var choices = refused.Is("sell") && refused.Value("MemberCode", null, "sell") is { Length: > 0 } term && refused.Error("MemberCode", "sell") is not null
            ? await customers.SearchAsync(term, MemberChoices, cancellationToken)
            : [];
        return new DeskPage(card, holder?.DisplayName, ledger, payments, store, stores, granted, charges, exchange)
        {
            Operations = operations,
            Open = DeskOperations.Open(operations, refused.IsRefused ? refused.FormId : null, op, Request.Cookies[DeskOperations.LastUsedCookie]),
            LastEntry = receipt is { } entryId && !refused.IsRefused ? ledger.FirstOrDefault(e => e.Id == entryId) : null,
            MemberChoices = choices,
        };
    }

    private static Guid? Written(TransactionView transaction) => transaction.TransactionId;

    private static string DeskUrl(Guid id, string? store, string? op = null, Guid? receipt = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(store))
        {
            query.Add("store=" + Uri.EscapeDataString(store.Trim()));
        }

        if (op is not null)
        {
            query.Add("op=" + op);
        }

        if (receipt is { } entry)
        {
            query.Add("receipt=" + entry);
        }

        return $"/cards/desk/{id}" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static long? Fen(string? yuan) => Money.TryParseYuan(yuan, out var fen, out _) ? fen : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The receipt typed, else one made from the form token: the ledger entry names the form it came from.</summary>
    private static string? Receipt(string? typed, string? formToken) =>
        Blank(typed) ?? (string.IsNullOrWhiteSpace(formToken) ? null : "desk-" + formToken.Trim()[..Math.Min(12, formToken.Trim().Length)]);
}
