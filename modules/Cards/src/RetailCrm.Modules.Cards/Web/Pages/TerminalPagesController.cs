using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Ledger;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record TerminalForm(
    [Required(ErrorMessage = "Choose the store.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? StoreCode,
    [Required(ErrorMessage = "Give the till a name.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Name);

/// <summary>The terminals page; <paramref name="NewSecret"/> is the secret of the terminal just registered, shown this once.</summary>
internal sealed record TerminalsPage(IReadOnlyList<TerminalView> Terminals, IReadOnlyList<OrganizationUnitInfo> Stores, TerminalForm Form, FieldErrors Errors,
    string? Notice, string? NewTerminalId, string? NewSecret);

internal sealed record LedgerCheckPage(LedgerCheckReport? Report);

/// <summary>Till terminals (register with the secret shown once, list, revoke) and the ledger check.</summary>
[Route("cards")]
internal sealed class TerminalPagesController(TerminalService terminals, IOrganizationUnits units) : CardsPageBase
{
    private const string SecretKey = "cards.terminal-secret";
    private const string TerminalKey = "cards.terminal-id";

    [HttpGet("terminals")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new TerminalForm(null, null), new FieldErrors(), Notice, TempData[TerminalKey] as string, TempData[SecretKey] as string, cancellationToken));

    [HttpPost("terminals")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    public async Task<IActionResult> Register(TerminalForm form, string? formToken, CancellationToken cancellationToken) =>
        await OnceAsync(formToken, "/cards/terminals", async () =>
        {
            if (!ModelState.IsValid)
            {
                Response.StatusCode = 400;
                return View("Index", await PageAsync(form, ModelErrors(), null, null, null, cancellationToken));
            }

            var created = await terminals.RegisterAsync(new Application.Terminals.TerminalInput(form.StoreCode, form.Name), cancellationToken);
            // Through TempData (an encrypted cookie, read once): the secret is on the next page only, never stored in clear.
            TempData[TerminalKey] = created.Id.ToString();
            TempData[SecretKey] = created.Secret;
            Notice = "Terminal registered. Copy its secret now: it is not shown again.";
            return Redirect("/cards/terminals");
        });

    [HttpPost("terminals/{id:guid}/revoke")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        Notice = await terminals.RevokeAsync(id, cancellationToken) ? "Terminal revoked." : "No such terminal.";
        return Redirect("/cards/terminals");
    }

    [HttpGet("ledger-check")]
    [RequirePermission(CardsPermissions.CheckLedger)]
    public IActionResult LedgerCheck() => View("LedgerCheck", new LedgerCheckPage(null));

    /// <summary>Runs the check and shows its report at once: it changes nothing, so running it again is harmless.</summary>
    [HttpPost("ledger-check")]
    [RequirePermission(CardsPermissions.CheckLedger)]
    public async Task<IActionResult> RunLedgerCheck([FromServices] LedgerCheck check, CancellationToken cancellationToken) =>
        View("LedgerCheck", new LedgerCheckPage(await check.RunAsync(cancellationToken)));

    private async Task<TerminalsPage> PageAsync(TerminalForm form, FieldErrors errors, string? notice, string? newId, string? secret, CancellationToken cancellationToken) =>
        new(await terminals.ListAsync(cancellationToken), (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList(),
            form, errors, notice, newId, secret);
}
