using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>Writes RFC 9457 problem details with a stable type URI.</summary>
public static class Problems
{

    public static ProblemDetails Create(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        ProblemResults.Details(status, type, title, detail, errors);

    /// <summary>
    /// The answer to a request the model binder refused: 400 problem details whose <c>errors</c> name
    /// each field as the JSON does (camelCase path, e.g. <c>customer.addresses[0].postcode</c>).
    /// </summary>
    public static IActionResult FromModelState(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .ToDictionary(
                entry => CamelCasePath(entry.Key),
                entry => entry.Value!.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "The value is not valid." : e.ErrorMessage).ToArray());
        return ProblemResults.Result(400, "invalid", "The input is not valid", "See errors for each field.", errors);
    }

    private static string CamelCasePath(string key) =>
        string.Join('.', key.TrimStart('$', '.').Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    public static Task WriteAsync(HttpContext context, int status, string type, string title, string? detail = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(status, type, title, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
