using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using RetailCrm.Kernel.Idempotency;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// What <see cref="PostOnceAttribute"/> promises: each rendered form's token is claimed in the idempotency store
/// (per tenant and user); a redirect answer is kept on it and replayed for a repeat, any other answer releases it.
/// </summary>
internal sealed class PostOnceFilter(IIdempotencyStore store, ICurrentTenant tenant, ICurrentUser user, ITempDataDictionaryFactory tempData, IPageLocalizer texts)
    : IAsyncResourceFilter
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor.EndpointMetadata.OfType<PostOnceAttribute>().FirstOrDefault() is null || !HttpMethods.IsPost(http.Request.Method))
        {
            await next();
            return;
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var page = LocalUrl(form?[PostOnceAttribute.PageField].ToString());
        var token = form?[PostOnceAttribute.TokenField].ToString().Trim();
        if (string.IsNullOrEmpty(token) || token.Length > 100 || tenant.Id is not { } tenantId)
        {
            context.Result = Back(http, page, "The form was out of date; nothing was done. Fill it in again.");
            return;
        }

        var key = new IdempotencyKey(tenantId, user.UserName ?? "anonymous", "form:" + token);
        var claim = await store.TryClaimAsync(key, Fingerprint(http.Request.Path, form!), http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Completed:
                context.Result = Back(http, claim.Response?.Location ?? page, "This form was sent before; it was carried out once.");
                return;
            case IdempotencyClaimOutcome.InFlight:
                context.Result = Back(http, page, "This form is being carried out already; see the result below.");
                return;
            case IdempotencyClaimOutcome.Mismatch:
                context.Result = Back(http, page, "This form was sent before with other values; nothing was done. Fill it in again.");
                return;
        }

        var kept = false;
        try
        {
            var executed = await next();
            var location = http.Response.Headers.Location.ToString();
            if ((executed.Exception is null || executed.ExceptionHandled) && http.Response.StatusCode is >= 300 and < 400 && location.Length > 0)
            {
                await store.CompleteAsync(key, new IdempotentResponse(302, null, location, []), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            if (!kept)
            {
                await store.ReleaseAsync(key, CancellationToken.None);
            }
        }
    }

    private RedirectResult Back(HttpContext http, string url, string notice)
    {
        tempData.GetTempData(http)[PageNotice.Key] = texts.Text(LocalizableText.Of(notice));
        return new RedirectResult(url);
    }

    /// <summary>The page the form was on, when it is a local URL; else the site's home.</summary>
    private static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>Path and posted fields (not the antiforgery token, which differs per rendering), so a changed form is told from a repeat.</summary>
    private static string Fingerprint(PathString path, IFormCollection form)
    {
        var text = new StringBuilder(path.Value);
        foreach (var field in form.Where(f => f.Key != AntiforgeryField).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(field.Key).Append('=').Append(field.Value.ToString());
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
