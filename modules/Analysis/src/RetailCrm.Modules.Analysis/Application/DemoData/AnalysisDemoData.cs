using RetailCrm.Modules.Analysis.Application.Recompute;
using RetailCrm.Modules.Members.Contracts;
using Microsoft.Extensions.Logging;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Analysis.Application.DemoData;

/// <summary>
/// Two years of shopping for a demo tenant, so that the charts mean something: a few hundred members of different
/// habits (regulars who spend a lot, newcomers, customers who drifted away, one-off buyers) registered and their
/// purchases recorded through the members Contracts, then a first recompute. The receipts are numbered, so a second
/// run records nothing twice.
/// </summary>
internal sealed class AnalysisDemoData(ICustomerLookup lookup, ICustomerRegistration registration, IPurchaseRecording purchases, Recomputes recomputes, TimeProvider time, ILogger<AnalysisDemoData> logger)
    : IDemoDataContributor
{
    public const int Customers = 100;
    private const string Source = "analysis-demo";

    private static readonly string[] FamilyNames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"];
    private static readonly string[] Stores = ["SH-NJR", "SH-XJH", "SH-PD", "BJ-WFJ"];

    /// <summary>How a demo customer shops: purchases a year in the first and the second year, the typical basket in yuan, and when they started.</summary>
    private sealed record Habit(double FirstYear, double SecondYear, int Basket, int StartsMonthsAgo);

    private static readonly Habit[] Habits =
    [
        new(14, 16, 900, 24),  // a regular who spends a lot
        new(8, 9, 400, 24),    // loyal
        new(0, 4, 300, 5),     // came this year
        new(0, 1, 250, 1),     // brand new
        new(10, 2, 700, 24),   // drifting away
        new(2, 0, 200, 24),    // gone
        new(4, 4, 150, 24),    // small and steady
        new(6, 0.5, 1200, 24), // was big, has nearly stopped
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(20261207);
        var now = time.GetUtcNow().UtcDateTime;
        var sales = new List<Sale>();
        for (var i = 0; i < Customers; i++)
        {
            var phone = "1390000" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var known = await lookup.FindByPhoneAsync(phone, cancellationToken);
            var customer = known.Count > 0 ? known[0] : (await registration.RegisterAsync(new NewCustomerContact(
                    FamilyNames[random.Next(FamilyNames.Length)] + GivenNames[random.Next(GivenNames.Length)], phone, $"member{i}@example.cn"),
                    keepDespiteDuplicates: true, cancellationToken)).Value;
            var habit = Habits[i % Habits.Length];
            var store = Stores[random.Next(Stores.Length)];
            var start = now.AddMonths(-habit.StartsMonthsAgo);
            var receipt = 0;
            for (var day = start; day < now; day = day.AddDays(1))
            {
                var perYear = day < now.AddYears(-1) ? habit.FirstYear : habit.SecondYear;
                if (random.NextDouble() >= perYear / 365.0)
                {
                    continue;
                }

                var amount = (long)(habit.Basket * (0.5 + random.NextDouble())) * 100;
                var soldAt = day.Date.AddHours(10 + random.Next(10)).AddMinutes(random.Next(60));
                var receiptId = $"DEMO-{i:D4}-{receipt++:D3}";
                sales.Add(new Sale(customer.Id, receiptId, soldAt, amount, "CNY", [new SaleLine(null, "Demo basket", 1, amount, amount)]) { StoreCode = store });
            }
        }

        // One batch, one transaction: the demo's two years are written like an ERP's import, not receipt by receipt.
        var registered = clock.Elapsed;
        await purchases.RecordAllAsync(sales, Source, cancellationToken);
        var recorded = clock.Elapsed;

        await recomputes.RunAsync(rebuild: true, "demo", cancellationToken);
        logger.LogInformation("Analysis demo data: {Customers} members in {Registered} s, {Sales} purchases in {Recorded} s, recomputed in {Recomputed} s",
            Customers, registered.TotalSeconds, sales.Count, (recorded - registered).TotalSeconds, (clock.Elapsed - recorded).TotalSeconds);
    }
}
