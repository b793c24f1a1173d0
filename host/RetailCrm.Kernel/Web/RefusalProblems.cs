using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// The one mapping of a <see cref="Refusal"/> to RFC 9457 problem details: status = the refusal's kind, type =
/// <see cref="TypeBase"/> + code, the English text as <c>detail</c> (invariant culture, amounts in minor units),
/// the fields at fault under <c>errors</c> (as the refusal names them: JSON names), and the refusal's extensions.
/// </summary>
internal sealed class RefusalProblems(IOptions<JsonOptions> json) : IRefusalWriter
{
    public const string TypeBase = "https://retailcrm.dev/problems/";

    public static ProblemDetails Details(Refusal refusal)
    {
        var errors = refusal.Fields
            .GroupBy(f => f.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Text.English()).ToArray(), StringComparer.Ordinal);
        var problem = errors.Count == 0 ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = (int)refusal.Kind;
        problem.Type = TypeBase + refusal.Code;
        problem.Title = refusal.Title ?? StandardTitle(refusal.Kind);
        problem.Detail = refusal.Text.English();
        foreach (var (name, value) in refusal.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    // As MVC's JSON output formatter writes its answers: quotes and Chinese as they are, not as \u escapes.
    private readonly JsonSerializerOptions _options = json.Value.JsonSerializerOptions.Encoder is null
        ? new JsonSerializerOptions(json.Value.JsonSerializerOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
        : json.Value.JsonSerializerOptions;

    /// <summary>Problem details; for a browser outside the API (it accepts HTML) the theme's error page, with the refusal's text in its language.</summary>
    public Task WriteAsync(HttpContext context, Refusal refusal)
    {
        if (StatusPages.WantsHtml(context.Request))
        {
            var reason = refusal.Kind == RefusalKind.NotFound ? null : context.RequestServices.GetRequiredService<IPageLocalizer>().Text(refusal.Text);
            return StatusPages.WriteAsync(context, new ErrorPage((int)refusal.Kind, reason));
        }

        context.Response.StatusCode = (int)refusal.Kind;
        var problem = Details(refusal);
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), _options, "application/problem+json");
    }

    /// <summary>The answer to an unhandled exception outside a browser: problem details that say nothing of the exception (it is in the log).</summary>
    public static Task WriteServerErrorAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Type = TypeBase + "server-error",
            Title = "Server error",
            Detail = "The server could not answer this request; the error is in its log.",
        }, (JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>The title of a refusal that names none.</summary>
    public static string StandardTitle(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => "The input is not valid",
        RefusalKind.Unauthenticated => "Authentication required",
        RefusalKind.Forbidden => "Not allowed",
        RefusalKind.NotFound => "Not found",
        RefusalKind.Conflict => "The current state does not allow this",
        RefusalKind.PayloadTooLarge => "The request is too large",
        _ => "The request was refused",
    };


    /// <summary>
    /// The refusal of a request the model binder refused: each field named as the JSON names it (camelCase path,
    /// e.g. <c>customer.addresses[0].postcode</c>).
    /// </summary>
    public static Refusal FromModelState(ModelStateDictionary modelState) =>
        Refusal.Invalid("invalid", [.. modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => new FieldRefusal(CamelCasePath(entry.Key),
                LocalizableText.Of(string.IsNullOrEmpty(e.ErrorMessage) ? "The value is not valid." : e.ErrorMessage))))]) with
        {
            Text = LocalizableText.Of("See errors for each field."),
        };

    private static string CamelCasePath(string key) =>
        string.Join('.', key.TrimStart('$', '.').Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
