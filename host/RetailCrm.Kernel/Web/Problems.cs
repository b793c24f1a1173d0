using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RetailCrm.Kernel.Web;

/// <summary>Writes RFC 9457 problem details with a stable type URI.</summary>
public static class Problems
{
    public const string TypeBase = "https://retailcrm.dev/problems/";

    public static ProblemDetails Create(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Type = TypeBase + type;
        problem.Title = title;
        problem.Detail = detail;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string type, string title, string? detail = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(status, type, title, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
