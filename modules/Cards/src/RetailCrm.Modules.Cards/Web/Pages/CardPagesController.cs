using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record CardListPage(string? Term, CardStatus? Status, CardRows Result, string? Notice);

internal sealed record CardDetailPage(CardDetails Details, IReadOnlyList<LedgerEntryView> Ledger);

internal sealed record StockForm(
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 1000, ErrorMessage = "1 to 1000 cards at a time.")] int? Quantity);

internal sealed record StockPage(IReadOnlyList<ProductView> Products, StockForm Form, FieldErrors Errors, string? Notice);

/// <summary>HQ card pages: search and list (numbers masked), one card with its ledger (masked), and new cards into stock.</summary>
[Route("cards")]
internal sealed class CardPagesController(CardQueries queries, CardService cards, ProductService products) : CardsPageBase
{
    [HttpGet("cards")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Index(string? term, CardStatus? status, int page = 1, CancellationToken cancellationToken = default) =>
        View(new CardListPage(term, status, await queries.SearchAsync(term, status, page, 50, cancellationToken), Notice));

    [HttpGet("cards/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        var ledger = await cards.LedgerAsync(details.Card.Number, cancellationToken) ?? [];
        return View(new CardDetailPage(details, ledger));
    }

    [HttpGet("stock/numbering")]
    [RequirePermission(CardsPermissions.CreateCards)]
    public async Task<IActionResult> Stock(CancellationToken cancellationToken) =>
        View(new StockPage(await ActiveProductsAsync(cancellationToken), new StockForm(null, 10), new FieldErrors(), Notice));

    [HttpPost("stock/numbering")]
    [RequirePermission(CardsPermissions.CreateCards)]
    public async Task<IActionResult> PutIntoStock(StockForm form, string? formToken, CancellationToken cancellationToken) =>
        await OnceAsync(formToken, "/cards/stock/numbering", async () =>
        {
            if (!ModelState.IsValid)
            {
                return await StockFormAsync(form, ModelErrors(), 400, cancellationToken);
            }

            var outcome = await cards.CreateAsync(new CreateCardsInput(form.ProductId, form.Quantity), cancellationToken);
            if (outcome.Refusal is { } refused)
            {
                return await StockFormAsync(form, ErrorsOf(refused), StatusOf(refused), cancellationToken);
            }

            var created = outcome.Value!;
            Notice = $"{created.Count} card(s) put into stock: {created[0].Number} – {created[^1].Number}.";
            return Redirect("/cards/stock/numbering");
        });

    private async Task<IActionResult> StockFormAsync(StockForm form, FieldErrors errors, int status, CancellationToken cancellationToken)
    {
        Response.StatusCode = status;
        return View("Stock", new StockPage(await ActiveProductsAsync(cancellationToken), form, errors, null));
    }

    private async Task<IReadOnlyList<ProductView>> ActiveProductsAsync(CancellationToken cancellationToken) =>
        (await products.ListAsync(cancellationToken)).Where(p => p.IsActive).ToList();
}
