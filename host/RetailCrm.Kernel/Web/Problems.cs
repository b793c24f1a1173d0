using Microsoft.AspNetCore.Mvc;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Web;

/// <summary>Problem details for the host's admin API until it answers with <see cref="Refusal"/>s.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Type = RefusalProblems.TypeBase + type;
        problem.Title = title;
        problem.Detail = detail;
        return problem;
    }
}
