using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Cards.Application;

/// <summary>Store clerks work the till (sell, top up, pay, reverse, freeze); data administrators do everything.</summary>
internal sealed class CardsPermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context)
    {
        string[] till = [DefaultRoles.StoreClerk, DefaultRoles.DataAdministrator];
        string[] viewers = [DefaultRoles.StoreClerk, DefaultRoles.DataAdministrator, DefaultRoles.Manager, DefaultRoles.CustomerService];
        string[] dataAdmin = [DefaultRoles.DataAdministrator];
        context.Add(new PermissionDefinition(CardsPermissions.ViewProducts, "See card products", "查看卡产品") { GrantedByDefaultTo = viewers });
        context.Add(new PermissionDefinition(CardsPermissions.ManageProducts, "Design card products", "卡规划设计") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.ViewCards, "See cards and their ledger", "查看卡与卡账") { GrantedByDefaultTo = viewers });
        context.Add(new PermissionDefinition(CardsPermissions.CreateCards, "Put new cards into stock", "制卡入库") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.Sell, "Sell (activate) cards", "售卡激活") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.TopUp, "Top up cards", "卡充值") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.Pay, "Take card payments", "卡支付") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.Reverse, "Reverse and refund card payments", "冲正与退款") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.Freeze, "Freeze, unfreeze and report cards lost", "冻结、解冻与挂失") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.Close, "Close cards and refund their balance", "销卡退款") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.CheckLedger, "Run the ledger check", "卡账核对") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.ManageTerminals, "Register and revoke till terminals", "收银终端管理") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.Exchange, "Exchange cards", "换卡") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.ManageBulkSales, "Sell cards in bulk from HQ", "总部售卡") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.RedeemPoints, "Redeem card points", "积分兑换") { GrantedByDefaultTo = till });
        string[] stockViewers = [DefaultRoles.StoreClerk, DefaultRoles.DataAdministrator, DefaultRoles.Manager];
        string[] hq = [DefaultRoles.DataAdministrator, DefaultRoles.Manager];
        context.Add(new PermissionDefinition(CardsPermissions.ViewStock, "See card stock", "查看卡库存") { GrantedByDefaultTo = stockViewers });
        context.Add(new PermissionDefinition(CardsPermissions.PurchaseStock, "Buy and receive blank cards", "裸卡采购与入库") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.ProduceStock, "Produce cards from blanks", "卡制作") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.RequestStock, "Request cards for a store", "门店空卡申请") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.ApproveStock, "Approve or reject store requests for cards", "审批门店空卡申请") { GrantedByDefaultTo = hq });
        context.Add(new PermissionDefinition(CardsPermissions.ShipStock, "Ship cards to stores", "卡调拨发货") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(CardsPermissions.ReceiveStock, "Receive shipped cards at a store", "门店收卡") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.CountStock, "Take stock of cards", "卡盘点") { GrantedByDefaultTo = till });
        context.Add(new PermissionDefinition(CardsPermissions.ViewSettlement, "See the daily settlement per store", "查看门店日结") { GrantedByDefaultTo = [DefaultRoles.DataAdministrator, DefaultRoles.Manager] });
    }
}

/// <summary>Setting names of the cards module.</summary>
internal static class CardsSettings
{
    /// <summary>IANA (or Windows) time zone id in which settlement days run midnight to midnight; the kernel has no tenant time zone.</summary>
    public const string SettlementTimeZone = "cards.settlement.timeZone";

    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The tenant's Scriban template of the desk's 80 mm receipt; empty: the module's default (<c>Templates/receipt.scriban</c>).</summary>
    public const string ReceiptTemplate = "cards.receipt.template";
}

internal sealed class CardsSettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(CardsSettings.SettlementTimeZone, SettingType.String, CardsSettings.DefaultTimeZone, "Time zone of the daily settlement (e.g. Asia/Shanghai)", "日结时区")
        {
            Validator = id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? null : "not a time zone id such as Asia/Shanghai or Europe/Berlin.",
        });
        context.Add(new SettingDefinition(CardsSettings.ReceiptTemplate, SettingType.String, null, "Till receipt template (Scriban; empty: the default)", "收银小票模板（Scriban；留空用默认模板）")
        {
            Validator = Receipts.ReceiptTemplate.Problem,
        });
    }
}
