using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Branding;

/// <summary>
/// The tenant's logo at <c>/branding/logo</c>, for anyone (the sign-in page shows it too). Its ETag is the content's
/// SHA-256, and the header links it with that fingerprint (<see cref="Url"/>), so a browser keeps it until it changes.
/// Whatever the file is, it is only ever an image: no sniffing, and a CSP that lets an SVG opened by itself run nothing.
/// </summary>
internal static class BrandingLogo
{
    public const string Path = "/branding/logo";

    public static string Url(string hash) => $"{Path}?v={hash[..16]}";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, AnswerAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task<IResult> AnswerAsync(KernelDbContext db, HttpContext context)
    {
        var logo = await db.TenantLogos.AsNoTracking().FirstOrDefaultAsync(context.RequestAborted);
        if (logo is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "private, max-age=3600";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return Results.Bytes(logo.Content, logo.ContentType, entityTag: new EntityTagHeaderValue($"\"{logo.Hash}\""), lastModified: logo.UpdatedAt);
    }
}
