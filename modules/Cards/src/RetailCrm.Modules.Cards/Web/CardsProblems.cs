using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web;

/// <summary>RFC 9457 answers of the cards API; the till's refusals carry the types issue 4 names.</summary>
internal static class CardsProblems
{
    public static ObjectResult From(Refused refused)
    {
        var (status, type, title) = refused.Reason switch
        {
            Refusal.NotFound => (404, "not-found", "Not found"),
            Refusal.Invalid => (400, "invalid", "The input is not valid"),
            Refusal.InsufficientBalance => (409, "insufficient-balance", "The card's balance is too low"),
            Refusal.CardNotActive => (409, "card-not-active", "The card is not active"),
            Refusal.PinInvalid => (422, "pin-invalid", "The PIN is not valid"),
            Refusal.AlreadyReversed => (409, "already-reversed", "The payment was reversed already"),
            Refusal.Forbidden => (403, "forbidden", "Not allowed for this user"),
            _ => (409, "conflict", "The card or product changed meanwhile"),
        };
        var extensions = refused.AttemptsLeft is { } left ? new Dictionary<string, object?> { ["attemptsLeft"] = left } : null;
        return ProblemResults.Result(status, "cards/" + type, title, refused.Detail, refused.Errors, extensions);
    }

    public static IActionResult Answer<T>(Outcome<T> outcome, Func<T, IActionResult> ok) =>
        outcome.Refusal is { } refused ? From(refused) : ok(outcome.Value!);
}
