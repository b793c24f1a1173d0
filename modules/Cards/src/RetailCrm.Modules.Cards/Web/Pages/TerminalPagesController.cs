using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Ledger;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

internal sealed record TerminalForm(
    [Required(ErrorMessage = "Choose the store.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? StoreCode,
    [Required(ErrorMessage = "Give the till a name.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Name);

/// <summary>The terminals page; <paramref name="NewSecret"/> is the secret of the terminal just registered, shown this once.</summary>
internal sealed record TerminalsPage(IReadOnlyList<TerminalView> Terminals, IReadOnlyList<OrganizationUnitInfo> Stores, string? NewTerminalId, string? NewSecret);

internal sealed record LedgerCheckPage(LedgerCheckReport? Report);

/// <summary>Till terminals (register with the secret shown once, list, revoke) and the ledger check.</summary>
[Route("cards")]
internal sealed class TerminalPagesController(TerminalService terminals, IOrganizationUnits units) : CardsPageController
{
    private const string SecretKey = "cards.terminal-secret";
    private const string TerminalKey = "cards.terminal-id";

    [HttpGet("terminals")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await PageAsync(TempData[TerminalKey] as string, TempData[SecretKey] as string, cancellationToken);

    [HttpPost("terminals")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [PostOnce]
    public Task<IActionResult> Register(TerminalForm form, CancellationToken cancellationToken) =>
        SubmitAsync(null, async () => (Result<RegisteredTerminalView>)await terminals.RegisterAsync(new Application.Terminals.TerminalInput(form.StoreCode, form.Name), cancellationToken),
            created =>
            {
                // Through TempData (an encrypted cookie, read once): the secret is on the next page only, never stored in clear.
                TempData[TerminalKey] = created.Id.ToString();
                TempData[SecretKey] = created.Secret;
                return Done("/cards/terminals", "Terminal registered. Copy its secret now: it is not shown again.");
            },
            () => PageAsync(null, null, cancellationToken));

    [HttpPost("terminals/{id:guid}/revoke")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [PostOnce]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken) =>
        Done("/cards/terminals", await terminals.RevokeAsync(id, cancellationToken) ? "Terminal revoked." : "No such terminal.");

    [HttpGet("ledger-check")]
    [RequirePermission(CardsPermissions.CheckLedger)]
    public IActionResult LedgerCheck() => View("LedgerCheck", new LedgerCheckPage(null));

    /// <summary>Runs the check and shows its report at once: it changes nothing, so running it again is harmless (no once-only token).</summary>
    [HttpPost("ledger-check")]
    [RequirePermission(CardsPermissions.CheckLedger)]
    public async Task<IActionResult> RunLedgerCheck([FromServices] LedgerCheck check, CancellationToken cancellationToken) =>
        View("LedgerCheck", new LedgerCheckPage(await check.RunAsync(cancellationToken)));

    private async Task<IActionResult> PageAsync(string? newId, string? secret, CancellationToken cancellationToken) =>
        View("Index", new TerminalsPage(await terminals.ListAsync(cancellationToken),
            (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList(), newId, secret));
}
