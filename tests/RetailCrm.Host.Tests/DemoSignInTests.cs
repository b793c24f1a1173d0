using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailCrm.Host.Tests;

/// <summary>Demo mode: one user per default role, each tried from the sign-in page's "Try as" list in one click.</summary>
public sealed partial class DemoSignInTests(SqliteHost outsideDemo) : IClassFixture<SqliteHost>
{
    private static readonly string[] s_demoUsers =
        ["manager", "department-supervisor", "sales-person", "data-entry", "customer-service", "data-administrator", "platform-maintenance", "store-clerk"];

    [Fact]
    public async Task Should_list_one_user_per_default_role_and_sign_each_in_with_the_roles_permissions()
    {
        using var demo = new CrmHostFactory(settings: new Dictionary<string, string> { ["RetailCrm:DemoData"] = "true" });
        using var anonymous = Client(demo);

        var listed = TryAsButton().Matches(await anonymous.GetStringAsync("/account/login")).Select(m => m.Groups[1].Value).ToList();

        listed.ShouldBe(s_demoUsers, ignoreOrder: true);
        foreach (var userName in listed)
        {
            using var client = Client(demo);
            var signIn = await TryAsAsync(client, userName);
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, userName);
            signIn.Headers.Location!.ToString().ShouldBe("/");
            var home = await client.GetAsync("/");
            home.StatusCode.ShouldBe(HttpStatusCode.OK, userName);
            (await home.Content.ReadAsStringAsync()).ShouldContain(userName);
            (await client.GetAsync("/admin/users")).StatusCode.ShouldBe(userName == "data-administrator" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, userName);
            (await client.GetAsync("/admin/events")).StatusCode.ShouldBe(userName == "platform-maintenance" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, userName);
        }
    }

    [Fact]
    public async Task Should_show_no_try_as_list_and_refuse_it_outside_demo_mode()
    {
        using var client = Client(outsideDemo.Factory);
        var admin = await outsideDemo.Factory.SignedInClientAsync();
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "store-clerk", displayName = "Clerk", password = "Clerk-Passw0rd!", roles = new[] { "store-clerk" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await client.GetStringAsync("/account/login");
        page.ShouldNotContain("try-as");
        var refused = await TryAsAsync(client, "store-clerk");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static HttpClient Client(CrmHostFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> TryAsAsync(HttpClient client, string userName)
    {
        var page = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/try-as", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["__RequestVerificationToken"] = TokenField().Match(page).Groups[1].Value,
        }));
    }

    [GeneratedRegex("data-try-as=\"([^\"]+)\"")]
    private static partial Regex TryAsButton();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
