using System.Text.Json;
using Microsoft.Playwright;
using RetailCrm.Testing;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// An agent has a page open; the PBX posts a signed "ringing" event for the agent's extension; the screen pop shows the
/// caller within a few seconds, on whatever page the agent is, with the buttons to open a ticket and the 360° view.
/// </summary>
public sealed class ScreenPopBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task A_ringing_call_pops_up_on_the_agent_page()
    {
        var page = await crm.NewPageAsync();
        var secret = await SignInAtExtensionAsync(page, "8001");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-screen-pop", "listening");

        using var pbx = new HttpClient { BaseAddress = crm.BaseAddress };
        var response = await pbx.SendAsync(Signed("/api/service/cti/calls", new { callId = "e2e-1", @event = "ringing", from = "13700137000", extension = "8001" }, secret));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());

        var pop = page.Locator("#screen-pop");
        await Expect(pop).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(pop).ToContainTextAsync("+8613700137000");
        await Expect(pop.Locator("#screen-pop-register")).ToBeVisibleAsync();
        await Expect(pop.Locator("#screen-pop-phone")).ToHaveValueAsync("+8613700137000");
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in as the admin, gives them the extension and answers the tenant's PBX secret; the page is then reloaded by the caller.</summary>
    internal static async Task<string> SignInAtExtensionAsync(IPage page, string extension)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync(CrmBrowserFixture.AdminUserName);
        await page.Locator("#Password").FillAsync(CrmBrowserFixture.AdminPassword);
        await page.Locator("#Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var api = page.Context.APIRequest;
        var secret = (await (await api.PostAsync("/api/service/channels/pbx/secret")).JsonAsync())!.Value.GetProperty("secret").GetString()!;
        var users = (await (await api.GetAsync("/api/admin/users")).JsonAsync())!.Value;
        var admin = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == CrmBrowserFixture.AdminUserName).GetProperty("id").GetGuid();
        (await api.PutAsync($"/api/service/channels/extensions/{admin}", new APIRequestContextOptions { DataObject = new { extension } })).Ok.ShouldBeTrue();
        return secret;
    }

    internal static HttpRequestMessage Signed(string path, object body, string secret) =>
        WebhookSignature.Request(path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), secret);
}
