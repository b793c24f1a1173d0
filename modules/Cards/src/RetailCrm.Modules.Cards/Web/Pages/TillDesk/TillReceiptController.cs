using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Receipts;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The page of one printed receipt: the text and whether the tenant's own template made it.</summary>
internal sealed record ReceiptPage(Guid EntryId, Guid CardId, RenderedReceipt Receipt);

/// <summary>The tenant's receipt template as typed (empty: the default prints) and a sample receipt it prints.</summary>
internal sealed record ReceiptTemplatePage(string? Template, RenderedReceipt Sample);

internal sealed record ReceiptTemplateForm([StringLength(20_000, ErrorMessage = "At most 20000 characters.")] string? Template);

/// <summary>
/// The desk's 80 mm receipt of one ledger entry (a sale, top-up, payment, reversal or refund), rendered by the tenant's
/// Scriban template or the module's default, in the reader's language. The card number is masked: the slip leaves the shop.
/// </summary>
[Route("cards/desk/receipts")]
internal sealed class TillReceiptController(CardQueries queries, IOrganizationUnits units, ISettingProvider settings, IDisplayText display,
    IStringLocalizer<CardsModule> t) : CardsPageController
{
    [HttpGet("{entryId:guid}")]
    [RequirePermission(CardsPermissions.ViewCards)]
    public async Task<IActionResult> Receipt(Guid entryId, CancellationToken cancellationToken)
    {
        if (await queries.EntryAsync(entryId, cancellationToken) is not { } written)
        {
            return NotFound();
        }

        var (entry, card) = written;
        var store = entry.StoreCode is { Length: > 0 } code ? await units.FindByCodeAsync(code, cancellationToken) : null;
        var zoneId = await settings.GetAsync(CardsSettings.SettlementTimeZone, cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? CardsSettings.DefaultTimeZone, out var known) ? known : TimeZoneInfo.Utc;
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc), zone);
        var model = new ReceiptModel(
            store is null ? t["Head office"] : $"{store.Name} ({store.Code})",
            at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            at.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Domain.Card.Mask(card.Number),
            display.Name(entry.Kind),
            display.Money(entry.Amount, card.Currency),
            display.Money(entry.BalanceAfter, card.Currency),
            entry.ReceiptId ?? entry.Id.ToString("N")[..12],
            entry.UserName ?? "",
            Labels());
        var template = await settings.GetAsync(CardsSettings.ReceiptTemplate, cancellationToken);
        return View(new ReceiptPage(entry.Id, card.Id, ReceiptTemplate.Render(template, model)));
    }

    /// <summary>The tenant's template in a text area, with a sample receipt it prints (a setting's one-line field cannot hold it).</summary>
    [HttpGet("template")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    public async Task<IActionResult> Template(CancellationToken cancellationToken) =>
        TemplatePage(await settings.GetAsync(CardsSettings.ReceiptTemplate, cancellationToken));

    /// <summary>Saves the tenant's template (empty: back to the default); one that does not parse or prints nothing is refused at the field.</summary>
    [HttpPost("template")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [PostOnce]
    public Task<IActionResult> SaveTemplate(ReceiptTemplateForm form, CancellationToken cancellationToken) =>
        SubmitAsync<bool>("template", async () =>
            {
                var text = string.IsNullOrWhiteSpace(form.Template) ? null : form.Template.Replace("\r\n", "\n", StringComparison.Ordinal);
                if (text is not null && ReceiptTemplate.Problem(text) is { } problem)
                {
                    return Refuse.Invalid("Template", "The receipt template is refused: {0}", problem);
                }

                await settings.SetAsync(CardsSettings.ReceiptTemplate, text, SettingScope.Tenant, cancellationToken);
                return true;
            },
            _ => Done("/cards/desk/receipts/template", "Receipt template saved."),
            () => Task.FromResult<IActionResult>(TemplatePage(form.Template)));

    private ViewResult TemplatePage(string? template) => View("Template", new ReceiptTemplatePage(template, ReceiptTemplate.Render(template, new ReceiptModel(
        t["Head office"], "2026-01-01", "12:00:00", "************1234", display.Name(LedgerEntryKind.Payment), display.Money(-1_250, "CNY"), display.Money(8_750, "CNY"),
        "desk-1a2b3c4d5e6f", "clerk", Labels()))));

    private Dictionary<string, string> Labels() => new()
    {
        ["operation"] = t["Operation"],
        ["amount"] = t["Amount"],
        ["balance_after"] = t["Balance after"],
        ["card"] = t["Card"],
        ["date"] = t["Date"],
        ["receipt"] = t["Receipt"],
        ["clerk"] = t["Clerk"],
        ["thanks"] = t["Thank you for your visit"],
    };
}
