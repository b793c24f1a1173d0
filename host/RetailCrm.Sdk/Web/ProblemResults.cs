using Microsoft.AspNetCore.Mvc;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// RFC 9457 problem details as every module answers them: a stable type URI under
/// <c>https://retailcrm.dev/problems/</c>, the fields at fault under <c>errors</c>, and
/// <c>application/problem+json</c>.
/// </summary>
public static class ProblemResults
{
    /// <summary>The base of every problem type URI.</summary>
    public const string TypeBase = "https://retailcrm.dev/problems/";

    /// <summary>The problem itself; <paramref name="type"/> is relative to <see cref="TypeBase"/>, e.g. <c>cards/pin-invalid</c>.</summary>
    public static ProblemDetails Details(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Type = TypeBase + type;
        problem.Title = title;
        problem.Detail = detail;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>The problem as an MVC result with its status and content type.</summary>
    public static ObjectResult Result(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null) =>
        new(Details(status, type, title, detail, errors, extensions)) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
