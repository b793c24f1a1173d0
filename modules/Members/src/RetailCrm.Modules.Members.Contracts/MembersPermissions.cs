namespace RetailCrm.Modules.Members.Contracts;

/// <summary>Permission names of the members module.</summary>
public static class MembersPermissions
{
    public const string View = "members.customers.view";
    public const string Create = "members.customers.create";
    public const string Edit = "members.customers.edit";
    public const string Delete = "members.customers.delete";
    public const string Merge = "members.customers.merge";
    public const string Import = "members.customers.import";
    public const string Export = "members.customers.export";
    public const string Approve = "members.customers.approve";
    public const string Review = "members.customers.review";
    public const string RecordPurchases = "members.purchases.record";
    public const string Configure = "members.configure";
}
