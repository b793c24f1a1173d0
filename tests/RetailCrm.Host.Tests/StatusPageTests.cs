using System.Net;
using System.Net.Http.Json;

namespace RetailCrm.Host.Tests;

/// <summary>403, 404 and 500 as a styled page for a browser (Accept text/html), as problem details for everybody else and on /api.</summary>
public sealed class StatusPageTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    /// <summary>What the sample module alpha's /alpha/broken throws.</summary>
    private const string BrokenSecret = "alpha-broke-on-purpose";

    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_answer_an_unknown_page_with_the_404_page_for_a_browser_and_problem_details_otherwise()
    {
        var client = await _factory.SignedInClientAsync();

        var page = await client.SendAsync(Browser("/no-such-page"));
        var problem = await client.GetAsync("/no-such-page");
        var api = await client.SendAsync(Browser("/api/no-such-thing"));

        await ShouldBePageAsync(page, HttpStatusCode.NotFound, "Page not found");
        ShouldBeProblem(problem, HttpStatusCode.NotFound);
        ShouldBeProblem(api, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_answer_a_page_the_roles_do_not_allow_with_the_403_page_naming_the_permission()
    {
        var client = await StoreClerkAsync();

        var page = await client.SendAsync(Browser("/admin/users", referrer: "http://localhost/"));
        var problem = await client.GetAsync("/admin/users");
        var api = await client.SendAsync(Browser("/api/admin/users"));

        var html = await ShouldBePageAsync(page, HttpStatusCode.Forbidden, "Access denied");
        html.ShouldContain("This action needs the permission &#x27;crm.admin.users&#x27;.");
        html.ShouldContain("data-way-back=\"back\"");
        ShouldBeProblem(problem, HttpStatusCode.Forbidden);
        ShouldBeProblem(api, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_show_the_403_page_in_chinese()
    {
        var client = await StoreClerkAsync();
        var request = Browser("/admin/users");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        await ShouldBePageAsync(await client.SendAsync(request), HttpStatusCode.Forbidden, "无权访问");
    }

    [Fact]
    public async Task Should_show_the_exception_on_the_500_page_in_development_only()
    {
        using var production = new CrmHostFactory(settings: new Dictionary<string, string> { ["environment"] = "Production" });
        var client = await production.SignedInClientAsync();
        var developer = await _factory.SignedInClientAsync();

        var page = await client.SendAsync(Browser("/alpha/broken"));
        var problem = await client.GetAsync("/alpha/broken");
        var api = await client.SendAsync(Browser("/api/alpha/broken"));
        var developerPage = await developer.SendAsync(Browser("/alpha/broken"));

        (await ShouldBePageAsync(page, HttpStatusCode.InternalServerError, "Something went wrong")).ShouldNotContain(BrokenSecret);
        ShouldBeProblem(problem, HttpStatusCode.InternalServerError);
        (await problem.Content.ReadAsStringAsync()).ShouldNotContain(BrokenSecret);
        ShouldBeProblem(api, HttpStatusCode.InternalServerError);
        (await ShouldBePageAsync(developerPage, HttpStatusCode.InternalServerError, "Something went wrong")).ShouldContain(BrokenSecret);
    }

    [Fact]
    public async Task Should_redirect_login_to_the_sign_in_page_keeping_the_return_url()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/login?returnUrl=%2Fadmin%2Fusers");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/login?returnUrl=%2Fadmin%2Fusers");
        (await client.GetAsync("/login")).Headers.Location!.ToString().ShouldBe("/account/login");
    }

    /// <summary>A new store clerk, signed in: the admin pages are not for that role.</summary>
    private async Task<HttpClient> StoreClerkAsync()
    {
        var admin = await _factory.SignedInClientAsync();
        var clerk = Names.Tenant("clerk");
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = clerk, displayName = "Clerk", password = "Clerk-Passw0rd!", roles = new[] { "store-clerk" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return await _factory.SignedInClientAsync(userName: clerk, password: "Clerk-Passw0rd!");
    }

    private static HttpRequestMessage Browser(string path, string? referrer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (referrer is not null)
        {
            request.Headers.Referrer = new Uri(referrer);
        }

        return request;
    }

    private static async Task<string> ShouldBePageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"data-status=\"{(int)status}\"");
        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain("href=\"/\" data-way-back=\"home\"");
        html.ShouldContain("</html>");
        return html;
    }

    private static void ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
