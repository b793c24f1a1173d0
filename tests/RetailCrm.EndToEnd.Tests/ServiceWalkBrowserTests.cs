using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// Issue 10's walk in the browser: a known customer calls; the agent's page pops them; from the pop the agent opens a
/// complaint; the ticket page shows its SLA clocks running; setting it pending pauses them; the agent replies.
/// </summary>
public sealed class ServiceWalkBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task An_agent_opens_a_complaint_from_the_screen_pop_and_pauses_its_sla_by_waiting_for_the_customer()
    {
        var page = await crm.NewPageAsync();
        var secret = await ScreenPopBrowserTests.SignInAtExtensionAsync(page, "8002");
        var api = page.Context.APIRequest;
        (await api.PostAsync("/api/service/sla/policies", new APIRequestContextOptions { DataObject = new { name = "Walk complaints", typeKey = "complaint", firstResponseMinutes = 240, resolutionMinutes = 2880 } })).Ok.ShouldBeTrue();
        var created = await api.PostAsync("/api/members/customers", new APIRequestContextOptions
        {
            DataObject = new { customer = new { kind = "Person", displayName = "Zhou Walk", phone = "13600136011", tier = "gold" }, keepDespiteDuplicates = true },
        });
        created.Ok.ShouldBeTrue(await created.TextAsync());
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-screen-pop", "listening");

        using var pbx = new HttpClient { BaseAddress = crm.BaseAddress };
        var ringing = await pbx.SendAsync(ScreenPopBrowserTests.Signed("/api/service/cti/calls", new { callId = "e2e-walk", @event = "ringing", from = "13600136011", extension = "8002" }, secret));
        ringing.IsSuccessStatusCode.ShouldBeTrue(await ringing.Content.ReadAsStringAsync());

        var pop = page.Locator("#screen-pop");
        await Expect(pop).ToContainTextAsync("Zhou Walk", new() { Timeout = 5_000 });
        await Expect(pop).ToContainTextAsync("gold");
        await pop.Locator("#screen-pop-open-ticket").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/service/tickets/new");
        await Expect(page.Locator("#chosen-customer")).ToContainTextAsync("Zhou Walk");
        // Waiting starts before the choice, so the form's navigation cannot slip past the wait on a busy machine.
        var typed = page.WaitForURLAsync(url => new Uri(url).Query.Contains("type=complaint", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#pick-type").SelectOptionAsync("complaint");
        await typed;
        await page.Locator("#Subject").FillAsync("Water delivered two days late");
        await page.Locator("#Body").FillAsync("Ordered for Monday, it came on Wednesday.");
        await page.Locator("#open-ticket").ClickAsync();

        await Expect(page.Locator("#notice")).ToContainTextAsync("opened.");
        var clocks = page.Locator("[data-panel=sla]");
        await Expect(clocks.Locator("[data-clock=Resolution]")).ToContainTextAsync("running");
        await page.Locator("#status-status").SelectOptionAsync("PendingCustomer");
        await page.Locator("#change-status").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Status changed.");
        await Expect(page.Locator("[data-panel=sla] [data-clock=Resolution]")).ToContainTextAsync("paused");

        await page.Locator("#reply-body").FillAsync("We are sorry; a voucher is on its way.");
        await page.Locator("#send-reply").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Reply sent.");
        await Expect(page.Locator("#conversation [data-entry=Reply]")).ToContainTextAsync("a voucher is on its way");
        await page.Context.CloseAsync();
    }
}
