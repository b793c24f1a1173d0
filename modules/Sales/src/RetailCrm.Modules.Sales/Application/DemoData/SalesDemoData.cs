using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Tasks;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Sales.Application.DemoData;

/// <summary>
/// A trade company's pipeline to try at once: the catalogue (ads, subscriptions, events, design work) and six deals of
/// the demo sales person across the stages, with journal entries, one idle deal, one waiting task overdue, one won and
/// one lost. Nothing is added when the tenant has deals; without a user who may sell, only the catalogue.
/// </summary>
internal sealed class SalesDemoData(SalesDbContext db, PipelineCatalog pipelines, IUserDirectory users, ICustomerRegistration registration, ISettingProvider settings, TimeProvider time)
    : IDemoDataContributor
{
    private static readonly (string Code, string Name, string Category, long Price)[] Catalogue =
    [
        ("AD-FULL", "整版广告 Full-page ad", "Advertising", 1_000_000),
        ("AD-BANNER", "网站横幅 Web banner (1 month)", "Advertising", 300_000),
        ("SUB-YEAR", "年度订阅 Annual subscription", "Subscriptions", 120_000),
        ("EVT-BOOTH", "展会展位 Trade fair booth", "Events", 2_500_000),
        ("DSN-BRAND", "品牌设计 Brand design", "Design work", 4_000_000),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Set<Product>().AnyAsync(cancellationToken))
        {
            db.Set<Product>().AddRange(Catalogue.Select(p => Product.Create(p.Code, p.Name, p.Category, p.Price).Value));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Set<Opportunity>().AnyAsync(cancellationToken) || await OwnerAsync(cancellationToken) is not { } owner)
        {
            return;
        }

        var pipeline = await pipelines.FindOrDefaultAsync(null, cancellationToken);
        var products = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Code, cancellationToken);
        var currency = await settings.GetAsync(SalesSettings.Currency, cancellationToken) ?? "CNY";
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        (string Title, string Customer, string Stage, string Product, int Quantity, ForecastCategory Category, int IdleDays, OpportunityStatus Status)[] deals =
        [
            ("春季广告投放 Spring advertising", "上海明珠贸易有限公司", "find-prospects", "AD-FULL", 2, ForecastCategory.Pipeline, 40, OpportunityStatus.Open),
            ("年度杂志订阅 Annual subscriptions", "杭州西湖文化传媒", "visit", "SUB-YEAR", 30, ForecastCategory.Pipeline, 2, OpportunityStatus.Open),
            ("秋季展会展位 Autumn trade fair", "苏州工业园区商会", "dig-needs", "EVT-BOOTH", 1, ForecastCategory.BestCase, 5, OpportunityStatus.Open),
            ("门店开业活动 Store opening event", "南京金陵百货", "propose", "AD-BANNER", 6, ForecastCategory.Commit, 1, OpportunityStatus.Open),
            ("品牌焕新设计 Brand refresh", "宁波港城食品", "customer-satisfied", "DSN-BRAND", 1, ForecastCategory.Commit, 7, OpportunityStatus.Won),
            ("线上横幅套餐 Online banner package", "无锡太湖家居", "visit", "AD-BANNER", 3, ForecastCategory.Pipeline, 12, OpportunityStatus.Lost),
        ];
        for (var i = 0; i < deals.Length; i++)
        {
            var d = deals[i];
            var customer = await registration.RegisterAsync(new NewCustomerContact(d.Customer, null, null), keepDespiteDuplicates: true, cancellationToken);
            if (customer.IsRefused)
            {
                continue;
            }

            var at = now.AddDays(-d.IdleDays);
            var stage = pipeline!.Stages.FirstOrDefault(s => s.Key == d.Stage) ?? pipeline.First;
            var facts = new OpportunityFacts
            {
                Title = d.Title,
                ExpectedCloseDate = today.AddDays(15 + (i * 20)),
                Source = i % 2 == 0 ? "Referral" : "Trade fair",
                Needs = stage.Position >= 3 ? "覆盖长三角的新会员 New members across the Yangtze delta" : null,
                ForecastCategory = d.Category,
            };
            var deal = Opportunity.Open(Guid.NewGuid(), facts, customer.Value.Id, customer.Value.DisplayName, owner.Id, owner.OrganizationUnitId, stage, currency, at);
            var product = products[d.Product];
            var line = OpportunityLine.Create(deal.Id, 0, product.Id, product.Name, d.Quantity, product.UnitPrice, 0).Value;
            deal.ReplaceLines([line], at);
            if (d.Status != OpportunityStatus.Open)
            {
                deal.Close(d.Status, d.Status == OpportunityStatus.Won ? "Solution fit" : "Price", at);
            }

            db.Set<Opportunity>().Add(deal);
            db.Set<OpportunityLine>().Add(line);
            if (stage.Position >= 1)
            {
                db.Set<Activity>().Add(Activity.Log(deal.Id, ActivityKind.Visit, at.AddHours(-2), "拜访采购经理 Visit with the buyer", "有兴趣 Interested", "发送报价 Send the quote", owner.Id, at).Value);
            }

            if (i == 3)
            {
                db.Set<SalesTask>().Add(SalesTask.Create(new TaskFacts("电话跟进方案 Call about the proposal", now.AddHours(-3), now.AddHours(-4), null), deal.Id, owner.Id, owner.OrganizationUnitId, owner.Id, now.AddDays(-1)).Value);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo sales person when there is one, else any user who may sell (the administrator).</summary>
    private async Task<UserInfo?> OwnerAsync(CancellationToken cancellationToken)
    {
        var sellers = await users.WithPermissionAsync(SalesPermissions.Work, cancellationToken);
        return sellers.FirstOrDefault(u => u.UserName == DefaultRoles.SalesPerson) ?? (sellers.Count > 0 ? sellers[0] : null);
    }
}
