using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record CardListPage(string? Term, CardStatus? Status, CardRows Result);

internal sealed record CardDetailPage(CardDetails Details, IReadOnlyList<LedgerEntryView> Ledger, IReadOnlyList<HolderChangeView> HolderHistory);

internal sealed record StockForm(
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 1000, ErrorMessage = "1 to 1000 cards at a time.")] int? Quantity);

internal sealed record StockPage(IReadOnlyList<ProductView> Products, StockForm Form);

/// <summary>HQ card pages: search and list (numbers masked), one card with its ledger (masked), and new cards into stock.</summary>
[Route("cards")]
internal sealed class CardPagesController(CardQueries queries, ProductService products) : CardsPageController
{
    [HttpGet("cards")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Index(string? term, CardStatus? status, int page = 1, CancellationToken cancellationToken = default) =>
        View(new CardListPage(term, status, await queries.SearchAsync(term, status, page, 50, cancellationToken)));

    [HttpGet("cards/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        var ledger = await queries.LedgerAsync(details.Card.Number, cancellationToken) ?? [];
        return View(new CardDetailPage(details, ledger, await queries.HolderHistoryAsync(id, cancellationToken)));
    }

    [HttpGet("stock/numbering")]
    [RequirePermission(CardsPermissions.CreateCards)]
    public async Task<IActionResult> Stock(CancellationToken cancellationToken) => await StockPageAsync(cancellationToken);

    [HttpPost("stock/numbering")]
    [RequirePermission(CardsPermissions.CreateCards)]
    [PostOnce]
    public Task<IActionResult> PutIntoStock(StockForm form, [FromServices] ProductionService production, CancellationToken cancellationToken) =>
        SubmitAsync(null, () => production.NumberIntoStockAsync(form.ProductId!.Value, form.Quantity!.Value, cancellationToken),
            created => Done("/cards/stock/numbering", "{0} card(s) put into stock: {1} – {2}.", created.Count, created[0].Number, created[^1].Number),
            () => StockPageAsync(cancellationToken));

    private async Task<IActionResult> StockPageAsync(CancellationToken cancellationToken) =>
        View("Stock", new StockPage((await products.ListAsync(cancellationToken)).Where(p => p.IsActive).ToList(), new StockForm(null, 10)));
}
