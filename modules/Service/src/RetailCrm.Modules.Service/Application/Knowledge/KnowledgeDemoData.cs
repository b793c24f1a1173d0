using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>Six articles an agent of a retail chain's call center would look up, three in English and three in Chinese, on three categories.</summary>
internal sealed class KnowledgeDemoData(ServiceDbContext db, KnowledgeEditor editor) : IDemoDataContributor
{
    private const string Refunds = "Refunds 退款";
    private const string Repairs = "Repairs 设备报修";
    private const string Cards = "Cards 会员卡";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<KnowledgeCategory>().AnyAsync(c => c.Name == Refunds, cancellationToken))
        {
            return;
        }

        var shelves = new Dictionary<string, Guid>();
        foreach (var name in new[] { Refunds, Repairs, Cards })
        {
            var created = await editor.CreateCategoryAsync(name, cancellationToken);
            if (created.IsRefused)
            {
                return;
            }

            shelves[name] = created.Value.Id;
        }

        foreach (var (category, language, title, body) in Articles)
        {
            await editor.CreateAsync(new ArticleInput(title, body, language, shelves[category], Published: true), cancellationToken);
        }
    }

    private static readonly (string Category, string Language, string Title, string Body)[] Articles =
    [
        (Refunds, ArticleLanguage.English, "Refund process", """
            A customer may return goods within **7 days** of purchase with the receipt.

            1. Find the purchase on the customer's page.
            2. Check the goods are unused and complete.
            3. Refund to the original payment; card payments go back to the card balance.

            Refunds over 1,000 CNY need a supervisor's approval.
            """),
        (Repairs, ArticleLanguage.English, "Equipment repair requests", """
            Open a **repair request** ticket for a water dispenser, a coffee machine or a till that does not work.

            - Ask for the model and serial number (on the label at the back).
            - Agree a visit window with the customer.
            - Parts under warranty are free; outside warranty, quote before the visit.
            """),
        (Cards, ArticleLanguage.English, "Card top-up", """
            A stored-value card can be topped up at any till or by phone.

            - The smallest top-up is 50 CNY, the largest 5,000 CNY a day.
            - A top-up by phone needs the card number and the holder's phone.
            - The new balance shows on the receipt and on the customer's page.
            """),
        (Refunds, ArticleLanguage.Chinese, "退款流程", """
            顾客凭购物小票可在购买后 **7 天内** 办理退货退款。

            1. 在顾客页面找到该笔消费记录。
            2. 确认商品未使用且配件齐全。
            3. 原路退款：储值卡支付的退回卡内余额。

            退款金额超过 1000 元需主管审批。
            """),
        (Repairs, ArticleLanguage.Chinese, "设备报修", """
            饮水机、咖啡机或收银机出现故障时，请为顾客创建 **设备报修** 工单。

            - 询问设备型号和序列号（机身背面的标签）。
            - 与顾客约定上门时间。
            - 保修期内维修免费；保修期外请先报价。
            """),
        (Cards, ArticleLanguage.Chinese, "会员卡充值", """
            储值卡可在任意门店收银台或通过电话充值。

            - 单次最低充值 50 元，每日最高 5000 元。
            - 电话充值需提供卡号和持卡人手机号。
            - 充值后的余额显示在小票和顾客页面上。
            """),
    ];
}
