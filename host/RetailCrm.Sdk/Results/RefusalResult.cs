using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Sdk.Results;

/// <summary>Writes a refusal as the API answers it; implemented by the kernel (RFC 9457 problem details).</summary>
public interface IRefusalWriter
{
    /// <summary>Writes the refusal as <c>application/problem+json</c> with its status, type, title, detail, <c>errors</c> and extensions.</summary>
    Task WriteAsync(Microsoft.AspNetCore.Http.HttpContext context, Refusal refusal);
}

/// <summary>An API answer that is a refusal: RFC 9457 problem details with the refusal's status and the fields at fault.</summary>
public sealed class RefusalResult(Refusal refusal) : IActionResult
{
    /// <summary>The refusal answered.</summary>
    public Refusal Refusal { get; } = refusal;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<IRefusalWriter>().WriteAsync(context.HttpContext, Refusal);
}

/// <summary>Answers of API actions from a <see cref="Result{T}"/>.</summary>
public static class ResultActionExtensions
{
    /// <summary>The success answered by <paramref name="success"/>, or the refusal as problem details.</summary>
    public static IActionResult ToActionResult<T>(this Result<T> result, Func<T, IActionResult> success) =>
        result.Match(success, refusal => new RefusalResult(refusal));
}
