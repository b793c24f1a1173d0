using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Errors as a browser sees them: a request that accepts HTML, outside <c>/api</c>, gets the theme's Error view
/// (<see cref="ErrorPage"/>) with the layout; every other request keeps RFC 9457 problem details.
/// </summary>
internal static class StatusPages
{
    public static bool WantsHtml(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static Task WriteAsync(HttpContext context, ErrorPage page)
    {
        context.Response.StatusCode = page.Status;
        var viewData = new ViewDataDictionary<ErrorPage>(context.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
        {
            Model = page with { BackUrl = page.BackUrl ?? LocalReferrer(context.Request) },
        };
        var view = new ViewResult { ViewName = "Error", StatusCode = page.Status, ViewData = viewData };
        return view.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>The page the user came from when it is one of this site's (and not the failing page itself).</summary>
    private static string? LocalReferrer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
        && string.Equals(referrer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && referrer.PathAndQuery != request.Path + request.QueryString
            ? referrer.PathAndQuery
            : null;
}

/// <summary>
/// Inside the tenant's scope (so that the layout has its tenant and user): an answer of 400 or more with no body,
/// such as an unknown page, becomes the theme's error page for a browser; an unhandled exception becomes the 500 page
/// (the exception shown in Development only) or, for every other request, problem details that never carry it.
/// </summary>
internal sealed class StatusPagesMiddleware(RequestDelegate next, IHostEnvironment environment, ILogger<StatusPagesMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var html = StatusPages.WantsHtml(context.Request);
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await (html
                ? StatusPages.WriteAsync(context, new ErrorPage(StatusCodes.Status500InternalServerError, Exception: environment.IsDevelopment() ? e.ToString() : null))
                : RefusalProblems.WriteServerErrorAsync(context));
            return;
        }

        if (html && context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
        {
            await StatusPages.WriteAsync(context, new ErrorPage(context.Response.StatusCode));
        }
    }
}
