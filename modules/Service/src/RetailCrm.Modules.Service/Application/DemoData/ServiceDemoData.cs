using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Service.Application.DemoData;

/// <summary>
/// A call center's morning to try at once: a complaint, a repair request, a bottled-water phone order and an inquiry
/// from the demo members and an unknown caller, one of them answered and waiting for the customer. Runs after members
/// (service depends on it) through the same use cases as the pages; nothing is added when the tenant has tickets.
/// </summary>
internal sealed class ServiceDemoData(ServiceDbContext db, TicketService tickets, ICustomerLookup customers) : IDemoDataContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Ticket>().AnyAsync(cancellationToken))
        {
            return;
        }

        var members = await customers.SearchAsync("C", 3, cancellationToken);
        var first = members.ElementAtOrDefault(0);
        var second = members.ElementAtOrDefault(1);
        await OpenAsync(new NewTicket
        {
            Type = TicketTypeKeys.Complaint, Subject = "送水晚到两天 Water delivered two days late", Channel = TicketChannel.Phone, Priority = TicketPriority.High,
            Body = "订的周一送，周三才到。Ordered for Monday, arrived on Wednesday.", CustomerId = first?.Id, ContactName = first is null ? "李雷" : null,
            ContactPhone = first is null ? "13800138000" : null, Language = "zh-CN", Tags = "delivery",
        }, cancellationToken);
        var repair = await OpenAsync(new NewTicket
        {
            Type = TicketTypeKeys.Repair, Subject = "饮水机不制冷 Water dispenser does not cool", Channel = TicketChannel.Email, CustomerId = second?.Id,
            ContactEmail = second?.Email is null ? "hanmeimei@example.com" : null, ContactName = second is null ? "韩梅梅" : null, Language = "zh-CN",
            Body = "上周买的饮水机不制冷。", Fields = new Dictionary<string, string?> { ["device"] = "饮水机 WD-200", ["serial"] = "WD2026-0042" },
        }, cancellationToken);
        await OpenAsync(new NewTicket
        {
            Type = TicketTypeKeys.PhoneOrder, Subject = "Bottled water, 4 × 18.9 L", Channel = TicketChannel.Phone, ContactName = "Wang Fang", ContactPhone = "13900139000",
            Fields = new Dictionary<string, string?>
            {
                ["item"] = "18.9 L bottled water", ["quantity"] = "4", ["deliveryAddress"] = "Room 1203, 88 Huaihai Road",
                ["deliveryDate"] = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
        await OpenAsync(new NewTicket
        {
            Type = TicketTypeKeys.Inquiry, Subject = "Can I top up my card online?", Channel = TicketChannel.WebForm, ContactName = "Zhang Wei", ContactEmail = "zhang.wei@example.com",
            Body = "I would like to add money to my stored value card without going to the store.",
        }, cancellationToken);
        if (repair is not null && (repair.ContactEmail is not null || repair.ContactPhone is not null))
        {
            await tickets.ReplyAsync(repair.Id, repair.Version, new TicketPost("您好，请提供购买小票的照片，我们安排上门检修。", TicketStatus.PendingCustomer), cancellationToken);
        }
    }

    private async Task<Ticket?> OpenAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        var opened = await tickets.OpenAsync(ticket, cancellationToken);
        return opened.IsRefused ? null : opened.Value;
    }
}
