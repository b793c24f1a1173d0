using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

/// <summary>
/// What a stock page needs to draw its forms: the stock permissions the user holds (a form is shown only to those
/// who may send it), the notice after a redirect, and the one form shown again with its errors and posted values.
/// </summary>
internal sealed record StockUi(IReadOnlySet<string> Granted, string? Notice, string? FailedForm, FieldErrors Errors, IReadOnlyDictionary<string, string> Posted)
{
    public bool Can(string permission) => Granted.Contains(permission);

    public string? Value(string form, string field) => FailedForm == form && Posted.TryGetValue(field, out var value) ? value : null;

    public string? Error(string form, string field) => FailedForm == form ? Errors.For(field) : null;

    /// <summary>The form-wide message of a refused form (a conflict, not one field's fault).</summary>
    public string? General(string form) => Error(form, FieldErrors.Form);
}

/// <summary>
/// The card stock pages with forms: every post runs once per rendered form (<see cref="CardsPageBase.OnceAsync"/>),
/// calls one stock service, and either redirects back with a notice (PRG) or shows the page again with the
/// service's refusal at the field at fault and the status the refusal means.
/// </summary>
internal abstract class StockPagesBase(IPermissionChecker permissions) : CardsPageBase
{
    private static readonly string[] s_stockPermissions =
    [
        CardsPermissions.PurchaseStock, CardsPermissions.ProduceStock, CardsPermissions.RequestStock, CardsPermissions.ApproveStock,
        CardsPermissions.ShipStock, CardsPermissions.ReceiveStock, CardsPermissions.CountStock,
    ];

    /// <summary>The page state after a GET: the notice of the last redirect, no failed form.</summary>
    protected Task<StockUi> UiAsync(CancellationToken cancellationToken) => UiAsync(null, new FieldErrors(), cancellationToken);

    protected async Task<StockUi> UiAsync(string? failedForm, FieldErrors errors, CancellationToken cancellationToken)
    {
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in s_stockPermissions)
        {
            if (await permissions.IsGrantedAsync(permission, cancellationToken))
            {
                granted.Add(permission);
            }
        }

        var posted = failedForm is not null && Request.HasFormContentType
            ? Request.Form.Where(f => f.Key != FormTokenField && !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        return new StockUi(granted, failedForm is null ? Notice : null, failedForm, errors, posted);
    }

    /// <summary>
    /// One stock form post: invalid fields or a refusal show the page again (<paramref name="showAgain"/>, given the
    /// failed form's state) with status 400/403/404/409; success redirects to <paramref name="doneUrl"/> with <paramref name="done"/>.
    /// </summary>
    protected Task<IActionResult> ActAsync<T>(string? formToken, string backUrl, string formName, string done, Func<Task<Result<T>>> act,
        Func<StockUi, Task<IActionResult>> showAgain, CancellationToken cancellationToken, Func<T, string>? doneUrl = null) =>
        OnceAsync(formToken, backUrl, async () =>
        {
            var errors = ModelErrors();
            var status = 400;
            T? value = default;
            if (errors.Count == 0)
            {
                var outcome = await act();
                if (outcome.Refusal is { } refused)
                {
                    errors = ErrorsOf(refused);
                    status = StatusOf(refused);
                }
                else
                {
                    value = outcome.Value;
                }
            }

            if (errors.Count > 0)
            {
                Response.StatusCode = status;
                return await showAgain(await UiAsync(formName, errors, cancellationToken));
            }

            Notice = done;
            return Redirect(doneUrl is not null && value is not null ? doneUrl(value) : backUrl);
        });
}

/// <summary>Card numbers as typed in a textarea: one a line (commas and spaces separate too).</summary>
internal static class TypedNumbers
{
    /// <summary>The numbers typed, or null when none were.</summary>
    public static IReadOnlyList<string>? Parse(string? text)
    {
        var numbers = (text ?? "").Split(['\n', '\r', ',', ' ', '\t', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return numbers.Length == 0 ? null : numbers;
    }
}
