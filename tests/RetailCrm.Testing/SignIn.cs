using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailCrm.Testing;

/// <summary>Signs in through the real login form, as a browser does, on any factory of the host (a derived one too: a test clock, a benchmark's).</summary>
public static partial class SignIn
{
    /// <summary>
    /// A client of <paramref name="host"/> that followed the login form with the user's password (with a longer
    /// <paramref name="timeout"/> than HttpClient's 100 s when given); throws when the login is refused.
    /// </summary>
    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, string host, string userName, string password, TimeSpan? timeout = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false });
        client.Timeout = timeout ?? client.Timeout;
        var page = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
        }));
        return response.StatusCode == HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"Sign-in of {userName}@{host} failed: {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
