using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Receipts;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The page of one printed receipt: the text and whether the tenant's own template made it.</summary>
internal sealed record ReceiptPage(Guid EntryId, Guid CardId, RenderedReceipt Receipt);

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
