using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Calls;

public sealed class ScreenPopTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_ringing_call_pops_up_on_the_agent_stream_with_the_customer_and_open_tickets()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        await GiveExtensionAsync(admin, "801");
        var customer = await CustomerAsync(admin, "Zhou Min", "13800138001", "gold");
        (await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Card not working", customerId = customer, channel = "Phone" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await SellCardAsync(admin, customer, 20_000);
        await using var stream = await PopStream.OpenAsync(admin);

        (await pbx.PostAsync("/api/service/cti/calls", new { callId = "pop-1", @event = "ringing", from = "138 0013 8001", extension = "801" })).EnsureSuccessStatusCode();

        var pop = await stream.NextAsync(TimeSpan.FromSeconds(5));
        pop.GetProperty("callId").GetString().ShouldBe("pop-1");
        pop.GetProperty("number").GetString().ShouldBe("+8613800138001");
        var shown = pop.GetProperty("customers").EnumerateArray().ShouldHaveSingleItem();
        shown.GetProperty("id").GetGuid().ShouldBe(customer);
        shown.GetProperty("tier").GetString().ShouldBe("gold");
        shown.GetProperty("profileUrl").GetString().ShouldBe($"/members/customers/{customer}");
        shown.GetProperty("openTicketUrl").GetString()!.ShouldContain("channel=Phone");
        shown.GetProperty("openTickets").EnumerateArray().ShouldHaveSingleItem().GetProperty("subject").GetString().ShouldBe("Card not working");
        var facts = shown.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString()!);
        facts["cards.count"].ShouldBe("1");
        facts["cards.balance"].ShouldContain("200.00");
        facts.Keys.ShouldAllBe(k => !k.StartsWith("service.", StringComparison.Ordinal));
    }

    /// <summary>A stored-value card product of the tenant, one card of it in stock, sold to the customer with an opening balance (minor units).</summary>
    private static async Task SellCardAsync(HttpClient admin, Guid customer, long topUp)
    {
        var product = await admin.PostAsJsonAsync("/api/cards/products", new
        {
            code = "POP", name = "Pop card", kind = "StoredValue", currency = "CNY", numberPrefix = "8877", numberLength = 16, validityMonths = 24, fee = 0, deposit = 0,
            discountPercent = 0, pointsPerUnit = 1, pointsUnitAmount = 100, pointsRounding = "Down", minTopUp = 100, maxTopUp = 500_000, maxBalance = 1_000_000,
            pinRequired = false, pinMaxAttempts = 3,
        });
        product.StatusCode.ShouldBe(HttpStatusCode.Created, await product.Content.ReadAsStringAsync());
        var productId = (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stocked = await admin.PostAsJsonAsync("/api/cards/cards", new { productId, quantity = 1 });
        stocked.StatusCode.ShouldBe(HttpStatusCode.Created, await stocked.Content.ReadAsStringAsync());
        var number = (await stocked.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("number").GetString();
        var code = (await admin.GetFromJsonAsync<JsonElement>($"/api/members/customers/{customer}")).GetProperty("code").GetString();
        var sold = await admin.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = code, initialTopUp = topUp, storeCode = "S001" });
        sold.StatusCode.ShouldBe(HttpStatusCode.OK, await sold.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_number_pops_up_without_a_customer()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        await GiveExtensionAsync(admin, "802");
        await using var stream = await PopStream.OpenAsync(admin);

        (await pbx.PostAsync("/api/service/cti/calls", new { callId = "pop-2", @event = "ringing", from = "13900139000", extension = "802" })).EnsureSuccessStatusCode();

        var pop = await stream.NextAsync(TimeSpan.FromSeconds(5));
        pop.GetProperty("number").GetString().ShouldBe("+8613900139000");
        pop.GetProperty("customers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_call_at_another_extension_does_not_pop_up()
    {
        var (tenant, admin) = await host.TenantAsync();
        var pbx = await SignedWebhook.SetUpAsync(host, tenant, admin, "pbx");
        await GiveExtensionAsync(admin, "803");
        await using var stream = await PopStream.OpenAsync(admin);

        (await pbx.PostAsync("/api/service/cti/calls", new { callId = "pop-3", @event = "ringing", from = "13900139000", extension = "899" })).EnsureSuccessStatusCode();

        await Should.ThrowAsync<OperationCanceledException>(() => stream.NextAsync(TimeSpan.FromSeconds(1)));
    }

    internal static async Task GiveExtensionAsync(HttpClient admin, string extension)
    {
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var me = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/service/channels/extensions/{me}", new { extension })).EnsureSuccessStatusCode();
    }

    internal static async Task<Guid> CustomerAsync(HttpClient admin, string name, string phone, string? tier = null)
    {
        var response = await admin.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = name, phone, tier }, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>The agent's server-sent events stream, as the page's script reads it.</summary>
internal sealed class PopStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static async Task<PopStream> OpenAsync(HttpClient agent)
    {
        var response = await agent.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/service/cti/stream"), HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).ShouldBe(": open");
        return new PopStream(response, reader);
    }

    /// <summary>The data of the next <c>ringing</c> event; cancelled when none comes in time.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        string? eventName = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "ringing")
            {
                return JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
