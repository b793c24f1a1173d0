using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Members.Application.DemoData;

/// <summary>A living customer base for a demo tenant: members, a trade customer with a branch, a custom field, and a likely duplicate to merge.</summary>
internal sealed class MembersDemoData(MembersDbContext db, CustomerService customers) : IDemoDataContributor
{
    private const string DemoTag = "demo";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<CustomerTag>().AnyAsync(t => t.Tag == DemoTag, cancellationToken))
        {
            return;
        }

        if (!await db.Set<CustomFieldDefinition>().AnyAsync(f => f.Key == "favourite_store", cancellationToken))
        {
            db.Set<CustomFieldDefinition>().Add(new CustomFieldDefinition
            {
                Id = Guid.NewGuid(), Key = "favourite_store", Label = "Favourite store", LabelZh = "常去门店",
                Type = CustomFieldType.Choice, Choices = "Nanjing Road|Xujiahui|Pudong", Order = 1,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var people = new (string Name, string Phone, string Email, string Birthday, string Tier, string Store)[]
        {
            ("张伟", "13800138000", "zhang.wei@example.cn", "1988-03-12", "gold", "Nanjing Road"),
            ("王芳", "13900139001", "wang.fang@example.cn", "1992-07-08", "silver", "Xujiahui"),
            ("李娜", "13700137002", "li.na@example.cn", "1979-12-30", "gold", "Pudong"),
            ("刘洋", "13600136003", "liu.yang@example.cn", "2001-01-15", "basic", "Nanjing Road"),
            ("陈静", "13500135004", "chen.jing@example.cn", "1985-11-02", "basic", "Xujiahui"),
            ("欧阳娜娜", "13400134005", "ouyang@example.cn", "1995-06-21", "platinum", "Pudong"),
            ("Anna Smith", "+44 20 7946 0018", "anna.smith@example.co.uk", "1990-09-09", "silver", "Pudong"),
        };
        foreach (var p in people)
        {
            await customers.CreateAsync(new CustomerInput
            {
                Kind = CustomerKind.Person, DisplayName = p.Name, Phone = p.Phone, Email = p.Email, Birthday = DateOnly.Parse(p.Birthday, System.Globalization.CultureInfo.InvariantCulture),
                Tier = p.Tier, MarketingConsent = true, Tags = [DemoTag], CustomFields = new Dictionary<string, string?> { ["favourite_store"] = p.Store },
                Addresses = [new AddressInput(AddressKind.Home, "CN", "上海", "上海", null, "南京西路 100 号", "200040", true)],
            }, keepDespiteDuplicates: true, cancellationToken);
        }

        // The same person keyed twice by different stores: the duplicate scan and the merge screen have something to show.
        await customers.CreateAsync(new CustomerInput
        {
            Kind = CustomerKind.Person, DisplayName = "张 伟", Phone = "+86 138-0013-8000", Birthday = new DateOnly(1988, 3, 12), Tags = [DemoTag],
        }, keepDespiteDuplicates: true, cancellationToken);

        var trade = await customers.CreateAsync(new CustomerInput
        {
            Kind = CustomerKind.Organization, DisplayName = "上海明远贸易有限公司", Phone = "021 6234 5678", Email = "purchasing@mingyuan.example.cn",
            IdentityNumber = "91310000MA1FL0XX1X", Currency = "CNY", PaymentTerms = "30 days net", TaxClass = "VAT-13", CreditLimit = 50_000_000, Tags = [DemoTag, "trade"],
        }, keepDespiteDuplicates: true, cancellationToken);
        if (!trade.IsRefused)
        {
            await customers.CreateAsync(new CustomerInput
            {
                Kind = CustomerKind.Organization, DisplayName = "上海明远贸易有限公司 浦东分公司", ParentId = trade.Value.Customer.Id, Phone = "021 5888 1234", Tags = [DemoTag, "trade"],
            }, keepDespiteDuplicates: true, cancellationToken);
        }
    }
}
