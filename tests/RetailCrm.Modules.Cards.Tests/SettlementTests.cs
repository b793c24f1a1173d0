using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using RetailCrm.Modules.Cards.Contracts;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SettlementTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Daily settlement per store against HQ: figures per store, totals that balance, day bounds in the tenant's time zone, drill-down, export.</summary>
public abstract class SettlementTests(CrmHostFactory factory)
{
    // 10:00 in Shanghai on a day no other test uses.
    private static readonly DateTime Day = new(2026, 6, 15, 2, 0, 0, DateTimeKind.Utc);
    private const string Date = "2026-06-15";

    protected CrmHostFactory Factory { get; } = factory;

    /// <summary>
    /// Sold with 50,000 and a top-up of 10,000 in store SA (the product's fee 1,000 and deposit 2,000 taken there by the sale), paid 30,000 and 5,000 in SB,
    /// the 5,000 reversed in SB, 4,000 of the 30,000 refunded onto the card in SA, closed at HQ: 34,000 paid out and the
    /// deposit given back (by the close). Returns the tenant, the client, the card and the HQ code.
    /// </summary>
    private async Task<(string Tenant, HttpClient Admin, string Number, string Hq)> StoryAsync(string prefix)
    {
        var (tenant, admin) = await TenantAsync(Factory, prefix);
        var (hq, _) = await StoreUnitAsync(admin, "SA", "Store A 东门店");
        await StoreUnitAsync(admin, "SB", "Store B");
        var product = await CreateProductAsync(admin, Product("SV"));
        var member = await MemberAsync(admin, "王芳");
        var number = (await StockAsync(admin, product))[0];
        await OkAsync(await admin.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = member, initialTopUp = 50_000, storeCode = "SA", receiptId = "S-1" }), HttpStatusCode.OK);
        await TopUpAtAsync(admin, number, 10_000, "SA");
        var big = await PayAtAsync(admin, number, 30_000, "SB", "P-1");
        var small = await PayAtAsync(admin, number, 5_000, "SB", "P-2");
        await ReverseAsync(admin, small, "SB");
        await RefundAsync(admin, big, 4_000, "SA");
        await CloseAsync(admin, number, hq);
        await ShouldBalanceAsync(admin, number);
        await MoveToAsync(Factory, tenant, Day);
        return (tenant, admin, number, hq);
    }

    [Fact]
    public async Task Should_settle_each_store_against_HQ_with_totals_that_balance()
    {
        var (_, admin, _, hq) = await StoryAsync("settle");

        var report = await SettlementAsync(admin, Date);
        report.GetProperty("timeZone").GetString().ShouldBe("Asia/Shanghai");
        report.GetProperty("stores").GetArrayLength().ShouldBe(3, report.ToString());

        var a = Row(report, "SA");
        a.GetProperty("storeName").GetString().ShouldBe("Store A 东门店");
        (a.Long("valueSold"), a.Long("fees"), a.Long("deposits"), a.Long("takenIn")).ShouldBe((60_000, 1_000, 2_000, 63_000));
        (a.Long("payments"), a.Long("creditsToCards"), a.Long("redeemed"), a.Long("paidOut")).ShouldBe((0, 4_000, -4_000, 0));
        a.Long("net").ShouldBe(67_000, "SA holds the cash for value spent in SB and refunded here: it owes HQ");
        (a.Long("topUpCount"), a.Long("creditCount"), a.Long("chargeCount")).ShouldBe((2, 1, 2));

        var b = Row(report, "SB");
        (b.Long("takenIn"), b.Long("payments"), b.Long("creditsToCards"), b.Long("redeemed"), b.Long("paidOut")).ShouldBe((0, 35_000, 5_000, 30_000, 0));
        b.Long("net").ShouldBe(-30_000, "SB gave goods for value paid for in SA: HQ owes it");
        (b.Long("paymentCount"), b.Long("creditCount")).ShouldBe((2, 1));

        var h = Row(report, hq);
        (h.Long("takenIn"), h.Long("depositsRefunded"), h.Long("paidOut"), h.Long("closeCount")).ShouldBe((-2_000, 2_000, 34_000, 1));
        h.Long("net").ShouldBe(-36_000);

        ShouldBalance(report);
        var totals = report.GetProperty("totals")[0];
        totals.GetProperty("currency").GetString().ShouldBe("CNY");
        totals.Long("net").ShouldBe(1_000, "the card is closed and its deposit given back: what is left is the fee");
    }

    [Fact]
    public async Task Should_list_exactly_the_transactions_behind_a_stores_row()
    {
        var (_, admin, number, _) = await StoryAsync("drill");

        var b = await OkAsync(await admin.GetAsync($"/api/cards/settlement/SB/transactions?date={Date}"), HttpStatusCode.OK);
        var list = b.GetProperty("transactions").EnumerateArray().ToList();
        list.Select(t => (t.GetProperty("kind").GetString(), t.Long("amount"))).ShouldBe([("Payment", -30_000L), ("Payment", -5_000L), ("Reversal", 5_000L)]);
        var masked = new string('*', number.Length - 4) + number[^4..];
        list.ShouldAllBe(t => t.GetProperty("cardNumber").GetString() == masked);
        list.Select(t => t.GetProperty("receiptId").GetString()).ShouldBe(["P-1", "P-2", "V-SB"]);
        list.ShouldAllBe(t => t.GetProperty("userName").GetString() == "admin");
        list[0].GetProperty("localTime").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.FromHours(8));
        b.ToString().ShouldNotContain(number);

        var a = (await OkAsync(await admin.GetAsync($"/api/cards/settlement/SA/transactions?date={Date}"), HttpStatusCode.OK)).GetProperty("transactions").EnumerateArray().ToList();
        a.Select(t => (t.GetProperty("source").GetString(), t.GetProperty("kind").GetString(), t.Long("amount"))).OrderBy(t => t.Item2).ThenBy(t => t.Item3)
            .ShouldBe([("charge", "Deposit", 2_000L), ("charge", "Fee", 1_000L), ("ledger", "Refund", 4_000L), ("ledger", "TopUp", 10_000L), ("ledger", "TopUp", 50_000L)]);
        (await OkAsync(await admin.GetAsync($"/api/cards/settlement/NOPE/transactions?date={Date}"), HttpStatusCode.OK)).GetProperty("transactions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_cut_days_at_midnight_in_the_settlement_time_zone()
    {
        var (tenant, admin) = await TenantAsync(Factory, "tz");
        var (number, _, _) = await ActiveCardAsync(admin, 0);
        var late = await TopUpAtAsync(admin, number, 1_000, "SA");
        var early = await TopUpAtAsync(admin, number, 2_000, "SA");
        // 23:59:59 on 1 March and 00:00:00 on 2 March in Shanghai (UTC+8).
        await BackdateAsync(Factory, tenant, late, new DateTime(2026, 3, 1, 15, 59, 59, DateTimeKind.Utc));
        await BackdateAsync(Factory, tenant, early, new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc));
        await ChargeAsync(Factory, tenant, number, CardChargeKind.Fee, 300, "SA", new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc));

        var first = await SettlementAsync(admin, "2026-03-01");
        (Row(first, "SA").Long("valueSold"), Row(first, "SA").Long("fees")).ShouldBe((1_000, 300));
        first.GetProperty("from").GetDateTime().ShouldBe(new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc));
        Row(await SettlementAsync(admin, "2026-03-02"), "SA").Long("valueSold").ShouldBe(2_000);

        var set = await admin.PutAsJsonAsync("/api/admin/settings/cards.settlement.timeZone", new { value = "UTC", scope = "Tenant" });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var utc = await SettlementAsync(admin, "2026-03-01");
        utc.GetProperty("timeZone").GetString().ShouldBe("UTC");
        (Row(utc, "SA").Long("valueSold"), Row(utc, "SA").Long("fees")).ShouldBe((3_000, 0));

        var refused = await admin.PutAsJsonAsync("/api/admin/settings/cards.settlement.timeZone", new { value = "Mars/Olympus", scope = "Tenant" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("value");
    }

    [Fact]
    public async Task Should_export_the_rows_as_csv_and_xlsx()
    {
        var (_, admin, _, hq) = await StoryAsync("export");

        var csv = await admin.GetAsync($"/api/cards/settlement/export?date={Date}&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"settlement-{Date}.csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(5);
        lines[0].ShouldStartWith("Date,Store,Store name,Currency,Value sold (CNY),Fees (CNY),");
        lines[0].ShouldContain(",Net owed to HQ (CNY),");
        lines.ShouldContain(l => l.StartsWith($"{Date},SA,Store A 东门店,CNY,600.00,10.00,20.00,0.00,0.00,630.00,0.00,40.00,-40.00,0.00,670.00,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"{Date},SB,Store B,CNY,0.00,", StringComparison.Ordinal) && l.Contains(",-300.00,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"{Date},{hq},", StringComparison.Ordinal));
        lines[^1].ShouldStartWith($"{Date},TOTAL,Total,CNY,600.00,10.00,20.00,0.00,20.00,610.00,350.00,90.00,260.00,340.00,10.00,");

        var xlsx = await admin.GetAsync($"/api/cards/settlement/export?date={Date}&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(4);
        var a = rows.Single(r => (string?)r["Store"] == "SA");
        Convert.ToDecimal(a["Net owed to HQ (CNY)"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(670.00m);
        Convert.ToDecimal(rows.Single(r => (string?)r["Store"] == "TOTAL")["Net owed to HQ (CNY)"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(10.00m);

        await ProblemAsync(await admin.GetAsync($"/api/cards/settlement/export?date={Date}&format=pdf"), HttpStatusCode.BadRequest, "invalid");
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    [InlineData("15.06.2026")]
    [InlineData("2026-6-15")]
    public async Task Should_refuse_a_date_that_is_not_yyyy_mm_dd(string date)
    {
        var (_, admin) = await TenantAsync(Factory, "baddate");
        foreach (var path in new[] { $"/api/cards/settlement?date={date}", $"/api/cards/settlement/SA/transactions?date={date}", $"/api/cards/settlement/export?date={date}&format=csv" })
        {
            var problem = await ProblemAsync(await admin.GetAsync(path), HttpStatusCode.BadRequest, "invalid");
            problem.GetProperty("errors").TryGetProperty("date", out _).ShouldBeTrue(problem.ToString());
        }
    }

    [Fact]
    public async Task Should_settle_only_the_tenants_own_business()
    {
        var (_, adminA, _, _) = await StoryAsync("seta");
        var (tenantB, adminB) = await TenantAsync(Factory, "setb");
        var (numberB, _, _) = await ActiveCardAsync(adminB, 0, prefix: "7711");
        await TopUpAtAsync(adminB, numberB, 77_700, "SA");
        await MoveToAsync(Factory, tenantB, Day);

        var a = await SettlementAsync(adminA, Date);
        Row(a, "SA").Long("valueSold").ShouldBe(60_000);
        var b = await SettlementAsync(adminB, Date);
        b.GetProperty("stores").EnumerateArray().ShouldNotContain(r => r.GetProperty("storeCode").GetString() == "SB", "SB is tenant A's store");
        Row(b, "SA").Long("valueSold").ShouldBe(77_700);
        var drill = await OkAsync(await adminB.GetAsync($"/api/cards/settlement/SA/transactions?date={Date}"), HttpStatusCode.OK);
        drill.GetProperty("transactions").EnumerateArray().Select(t => t.Long("amount")).ShouldBe([77_700L]);
    }
}

public sealed class SqliteSettlementTests(CardsHost host) : SettlementTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresSettlementTests(CardsPostgresHost host) : SettlementTests(host.Factory), IClassFixture<CardsPostgresHost>;
