using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>
/// A small shop for the analysis to look at, made through the real APIs: customers on members, purchases recorded as a
/// till would, tickets on service; and the recompute, started and watched through the analysis API.
/// </summary>
internal static class Shop
{
    public static async Task<Guid> CustomerAsync(HttpClient client, string name, string phone, bool consent = true, string? email = null, Guid? unitId = null)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new
        {
            customer = new { kind = "Person", displayName = name, phone, email = email ?? $"{phone}@example.cn", marketingConsent = consent, unitId },
            keepDespiteDuplicates = true,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task PurchaseAsync(HttpClient client, Guid customerId, string receipt, DateTime at, long amount, string store = "SH-NJR")
    {
        var response = await client.PostAsJsonAsync("/api/members/purchases", new
        {
            customerId, receiptId = receipt, purchasedAt = at, amount, currency = "CNY", storeCode = store,
            lines = new[] { new { description = "Goods", quantity = 1, unitPrice = amount, amount } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> ComplaintAsync(HttpClient client, Guid customerId, string subject)
    {
        var response = await client.PostAsJsonAsync("/api/service/tickets", new { type = "complaint", subject, body = "Not happy", customerId, channel = "Phone" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The tenant's first scheduled recompute (the job starts one for a new tenant) has ended, and holds no lease.</summary>
    public static Task FirstRecomputeEndedAsync(HttpClient client) => CrmHostFactory.EventuallyAsync(
        async () => (await client.GetFromJsonAsync<JsonElement>("/api/analysis/recomputes")).EnumerateArray().ToList() is { Count: > 0 } runs
            && runs.All(r => r.GetProperty("status").GetString() != "Running"),
        "the tenant's first scheduled recompute ends", seconds: 90);

    /// <summary>
    /// Starts a recompute and waits for its end; answers the finished run. While another runs (the daily job starts one
    /// when a tenant is made), the start is refused with 409 and tried again, as a client would.
    /// </summary>
    public static async Task<JsonElement> RecomputeAsync(HttpClient client, bool rebuild = false, bool mustSucceed = true)
    {
        var started = await client.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild });
        for (var wait = 0; started.StatusCode == HttpStatusCode.Conflict && wait < 300; wait++)
        {
            await Task.Delay(200);
            started = await client.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild });
        }

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location.ShouldNotBeNull();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("status").GetString() != "Running")
            {
                if (mustSucceed)
                {
                    run.GetProperty("status").GetString().ShouldBe("Succeeded", run.ToString());
                }

                return run;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the recompute did not finish in 90 s");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> CustomersAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/analysis/customers?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Dictionary<string, int>> SegmentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/analysis/segments")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("segment").GetString()!, s => s.GetProperty("customers").GetInt32());

    /// <summary>
    /// Twenty-five customers: five who buy often and much lately (the top fifth by every score), and twenty who bought
    /// once, long ago or lately; half of those twenty bought a lot in the window before.
    /// </summary>
    public static async Task<(List<Guid> Heavy, List<Guid> Light)> TwoYearsAsync(HttpClient client, DateTime now, string prefix)
    {
        var heavy = new List<Guid>();
        var light = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await CustomerAsync(client, $"{prefix} heavy {i}", $"13{(100 + i):D3}{Random.Shared.Next(100000, 999999)}");
            heavy.Add(id);
            for (var p = 0; p < 6; p++)
            {
                await PurchaseAsync(client, id, $"{prefix}-H{i}-{p}", now.AddDays(-5 - (p * 20) - i), 100_000 + (i * 1000));
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var id = await CustomerAsync(client, $"{prefix} light {i}", $"15{(100 + i):D3}{Random.Shared.Next(100000, 999999)}", consent: i % 2 == 0);
            light.Add(id);
            await PurchaseAsync(client, id, $"{prefix}-L{i}", now.AddDays(-20 - (i * 15)), 5_000 + (i * 100));
            if (i < 10)
            {
                await PurchaseAsync(client, id, $"{prefix}-P{i}-a", now.AddDays(-400 - i), 80_000);
                await PurchaseAsync(client, id, $"{prefix}-P{i}-b", now.AddDays(-450 - i), 80_000);
            }
        }

        return (heavy, light);
    }
}
