namespace RetailCrm.Modules.Members.Contracts;

/// <summary>Permission names of the members module.</summary>
public static class MembersPermissions
{
    /// <summary>See customers and their 360° page.</summary>
    public const string View = "members.customers.view";

    /// <summary>Create customers.</summary>
    public const string Create = "members.customers.create";

    /// <summary>Change customers (or propose a change when approval is on).</summary>
    public const string Edit = "members.customers.edit";

    /// <summary>Delete customers.</summary>
    public const string Delete = "members.customers.delete";

    /// <summary>Merge duplicate customers.</summary>
    public const string Merge = "members.customers.merge";

    /// <summary>Import customers and purchases from files.</summary>
    public const string Import = "members.customers.import";

    /// <summary>Export the customer list.</summary>
    public const string Export = "members.customers.export";

    /// <summary>Give the final approval of a change request (data administrator).</summary>
    public const string Approve = "members.customers.approve";

    /// <summary>Review change requests first (department supervisor).</summary>
    public const string Review = "members.customers.review";

    /// <summary>Record purchases from tills and the ERP.</summary>
    public const string RecordPurchases = "members.purchases.record";

    /// <summary>Configure the module: custom fields, lifecycle rules, code format.</summary>
    public const string Configure = "members.configure";
}
