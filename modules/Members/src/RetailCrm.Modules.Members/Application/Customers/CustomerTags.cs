using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>How the members module keeps a tag, wherever it comes from (the form, an import, another module): trimmed and in lower case.</summary>
internal static class CustomerTags
{
    /// <summary>The longest tag kept (the column's length).</summary>
    public const int MaxLength = ICustomerTagging.MaxTagLength;

    /// <summary>The tag as it is stored and searched for.</summary>
    public static string Normalize(string tag) => tag.Trim().ToLowerInvariant();
}
