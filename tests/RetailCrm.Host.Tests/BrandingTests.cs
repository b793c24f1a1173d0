using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace RetailCrm.Host.Tests;

/// <summary>
/// A tenant's branding page: name, colour, theme and logo saved together or not at all, each bad field refused at
/// its place, the logo served as an image only, and no other tenant touched.
/// </summary>
public sealed class BrandingTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private const string Page = "/admin/branding";
    private readonly CrmHostFactory _factory = host.Factory;

    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly byte[] s_plainSvg = Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><defs><linearGradient id=\"g\"/></defs><rect width=\"10\" height=\"10\" fill=\"url(#g)\"/></svg>");

    private async Task<HttpClient> TenantAsync(string prefix) => await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant(prefix));

    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, (string Name, string FileName, byte[] Content)? logo, params (string Name, string Value)[] fields) =>
        admin.SubmitFilesAsync(Page, Page, logo is { } file ? [file] : [], fields);

    private static (string, string)[] Fields(string name = "Jade Mart", string color = "#0b5d3b", string theme = "Basic") =>
        [("productName", name), ("primaryColor", color), ("theme", theme)];

    [Fact]
    public async Task Should_offer_every_loaded_theme_and_show_the_saved_name_logo_and_colour_in_every_page_header()
    {
        var admin = await TenantAsync("brand");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        page.ShouldContain("<option value=\"Basic\" selected=\"selected\">Basic</option>");
        page.ShouldContain("<option value=\"HighContrast\">HighContrast</option>");

        var saved = await SaveAsync(admin, ("logo", "jade.png", s_png), Fields());

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var home = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(s_png));
        home.ShouldContain($"<img src=\"/branding/logo?v={hash[..16]}\" alt=\"\" />");
        home.ShouldContain("<span>Jade Mart</span>");
        home.ShouldContain("· Jade Mart</title>");
        home.ShouldContain(":root { --primary: #0b5d3b; }");
        home.ShouldContain("--bg: #f6f8fa;");
    }

    [Fact]
    public async Task Should_render_every_page_in_the_high_contrast_palette_once_picked()
    {
        var admin = await TenantAsync("contrast");

        (await SaveAsync(admin, null, Fields(theme: "HighContrast"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var page in new[] { "/", Page, "/admin/settings" })
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
            html.ShouldContain("--bg: #000000;", customMessage: page);
            html.ShouldNotContain("--bg: #f6f8fa;", customMessage: page);
            html.ShouldNotContain("--primary: #0b5d3b", customMessage: "high contrast keeps its own primary, which every text on it is checked against");
        }

        (await admin.GetStringAsync(Page)).ShouldContain("<option value=\"HighContrast\" selected=\"selected\">");
    }

    [Fact]
    public async Task Should_serve_the_logo_as_an_image_only_with_its_fingerprint_as_etag()
    {
        var admin = await TenantAsync("logo");
        (await SaveAsync(admin, ("logo", "mark.svg", s_plainSvg), Fields())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var logo = await admin.GetAsync("/branding/logo");

        logo.StatusCode.ShouldBe(HttpStatusCode.OK);
        logo.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        logo.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        logo.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        logo.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(s_plainSvg))}\"");
        (await logo.Content.ReadAsByteArrayAsync()).ShouldBe(s_plainSvg);

        var again = new HttpRequestMessage(HttpMethod.Get, "/branding/logo");
        again.Headers.IfNoneMatch.Add(logo.Headers.ETag);
        (await admin.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Should_remove_the_logo_when_asked()
    {
        var admin = await TenantAsync("nologo");
        (await SaveAsync(admin, ("logo", "jade.png", s_png), Fields())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync(Page)).ShouldContain("name=\"removeLogo\"");

        var removed = await admin.SubmitAndFollowAsync(Page, Page, [.. Fields(), ("removeLogo", "true")]);

        removed.ShouldContain("Saved the branding.");
        removed.ShouldNotContain("/branding/logo?v=");
        (await admin.GetAsync("/branding/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("primaryColor", "#ffff00", null, "White text on #ffff00 would be hard to read (contrast 1.1:1")]
    [InlineData("primaryColor", "blue", null, "A colour is written #rrggbb")]
    [InlineData("theme", "Neon", null, "There is no theme 'Neon'.")]
    [InlineData("productName", "A name far longer than the sixty characters that fit in the page header", null, "at most 60 characters")]
    [InlineData("logo", null, "too-big", "A logo is at most 256 KB; this file is 300 KB.")]
    [InlineData("logo", null, "png-named-svg", "whose name ends as its kind does")]
    [InlineData("logo", null, "text", "A logo is a PNG, JPEG, WebP or SVG image")]
    [InlineData("logo", null, "scripted-svg", "This SVG holds a script")]
    [InlineData("logo", null, "onload-svg", "This SVG holds a script")]
    [InlineData("logo", null, "remote-svg", "This SVG holds a script")]
    public async Task Should_refuse_a_bad_field_at_its_place_and_save_nothing(string field, string? value, string? logo, string message)
    {
        var admin = await TenantAsync("badbrand");
        (await SaveAsync(admin, null, Fields(name: "Before", color: "#1f6feb"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fields = Fields(name: "After", color: "#0b5d3b").Select(f => f.Item1 == field && value is not null ? (f.Item1, value) : f).ToArray();

        var refused = await SaveAsync(admin, logo is null ? ("logo", "good.png", s_png) : BadLogo(logo), fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var form = HtmlForms.Form(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), Page);
        form.ShouldContain(message);
        form.ShouldMatch($"(?s)name=\"{field}\".*field-error[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}");
        var home = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
        home.ShouldContain("<span>Before</span>");
        home.ShouldContain(":root { --primary: #1f6feb; }");
        home.ShouldNotContain("/branding/logo?v=", customMessage: "the good fields were not saved either");
    }

    [Fact]
    public async Task Should_show_a_refused_colour_in_chinese()
    {
        var admin = await TenantAsync("zhbrand");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var refused = await SaveAsync(admin, null, Fields(color: "#ffff00"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        page.ShouldContain("#ffff00 上的白色文字难以阅读（对比度 1.1:1，至少需要 4.5:1）；请选择更深的颜色。");
        page.ShouldContain("<option value=\"HighContrast\">高对比度</option>");
    }

    [Fact]
    public async Task Should_leave_other_tenants_with_their_own_branding()
    {
        var jade = await TenantAsync("jade");
        var other = await TenantAsync("plain");
        (await SaveAsync(jade, ("logo", "jade.png", s_png), Fields(theme: "HighContrast"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var home = WebUtility.HtmlDecode(await other.GetStringAsync("/"));

        home.ShouldContain("<span>RetailCrm</span>");
        home.ShouldNotContain("/branding/logo?v=");
        home.ShouldContain("--bg: #f6f8fa;");
        (await other.GetAsync("/branding/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = jade.BaseAddress! });
        (await anonymous.GetAsync("/branding/logo")).Content.Headers.ContentType.ShouldBe(MediaTypeHeaderValue.Parse("image/png"));
    }

    private static (string, string, byte[]) BadLogo(string kind) => kind switch
    {
        "too-big" => ("logo", "big.png", [.. s_png, .. new byte[(300 * 1024) - s_png.Length]]),
        "png-named-svg" => ("logo", "mark.svg", s_png),
        "text" => ("logo", "notes.png", Encoding.UTF8.GetBytes("just some text")),
        "scripted-svg" => ("logo", "x.svg", Svg("<script>alert(1)</script>")),
        "onload-svg" => ("logo", "x.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")),
        _ => ("logo", "x.svg", Svg("<image href=\"https://evil.example/track.png\"/>")),
    };

    private static byte[] Svg(string inner) => Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\">{inner}</svg>");
}
