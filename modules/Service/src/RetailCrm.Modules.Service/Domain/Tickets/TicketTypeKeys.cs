using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>The keys of the types every tenant starts with.</summary>
internal static class TicketTypeKeys
{
    public const string Inquiry = "inquiry";
    /// <summary>Complaints (投诉); other modules know the key as <see cref="ITicketFeed.ComplaintType"/>.</summary>
    public const string Complaint = ITicketFeed.ComplaintType;
    public const string Repair = "repair";
    public const string PhoneOrder = "phone-order";
    public const string FollowUp = "follow-up";
    public const string Survey = "survey";

    /// <summary>The default types, with the fields of a phone order and a repair request.</summary>
    public static IReadOnlyList<TicketType> Defaults() =>
    [
        TicketType.Create(Inquiry, "Inquiry", "咨询", 10),
        TicketType.Create(Complaint, "Complaint", "投诉", 20, followUpAfterDays: 3),
        TicketType.Create(Repair, "Repair request", "设备报修", 30,
        [
            new TicketFieldDefinition("device", "Device", "设备", TicketFieldKind.Text, Required: true),
            new TicketFieldDefinition("serial", "Serial number", "序列号", TicketFieldKind.Text),
            new TicketFieldDefinition("visitDate", "Visit date", "上门日期", TicketFieldKind.Date),
        ], followUpAfterDays: 7),
        TicketType.Create(PhoneOrder, "Phone order", "电话订货", 40,
        [
            new TicketFieldDefinition("item", "Item", "商品", TicketFieldKind.Text, Required: true),
            new TicketFieldDefinition("quantity", "Quantity", "数量", TicketFieldKind.Number, Required: true),
            new TicketFieldDefinition("deliveryAddress", "Delivery address", "送货地址", TicketFieldKind.Text, Required: true),
            new TicketFieldDefinition("deliveryDate", "Delivery date", "送货日期", TicketFieldKind.Date, Required: true),
        ]),
        TicketType.Create(FollowUp, "Follow-up visit", "回访", 50),
        TicketType.Create(Survey, "Market survey", "市场调查", 60),
    ];
}
