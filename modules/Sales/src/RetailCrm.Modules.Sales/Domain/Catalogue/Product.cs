using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Catalogue;

/// <summary>A product or service a tenant sells in its deals (ads, subscriptions, events, design work), with its list price.</summary>
internal sealed class Product : ITenantOwned
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxCategoryLength = 80;

    private Product()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Category { get; private set; }

    /// <summary>The list price in minor units; a line may sell at another.</summary>
    public long UnitPrice { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static Result<Product> Create(string? code, string? name, string? category, long? unitPrice)
    {
        var product = new Product { Id = Guid.NewGuid() };
        var changed = product.Change(code, name, category, unitPrice, true);
        return changed.IsRefused ? changed.Refusal : product;
    }

    public Result<Product> Change(string? code, string? name, string? category, long? unitPrice, bool active)
    {
        var errors = new List<FieldRefusal>();
        var trimmedCode = code?.Trim().ToUpperInvariant() ?? "";
        if (trimmedCode.Length is 0 or > MaxCodeLength)
        {
            errors.Add(new FieldRefusal("code", LocalizableText.Of("Give the product a code of 1 to {0} characters.", MaxCodeLength)));
        }

        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length is 0 or > MaxNameLength)
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give the product a name of 1 to {0} characters.", MaxNameLength)));
        }

        var cleanCategory = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (cleanCategory is { Length: > MaxCategoryLength })
        {
            errors.Add(new FieldRefusal("category", LocalizableText.Of("Write at most {0} characters.", MaxCategoryLength)));
        }

        if (unitPrice is not >= 0 || unitPrice > Opportunities.OpportunityLine.MaxUnitPrice)
        {
            errors.Add(new FieldRefusal("unitPrice", LocalizableText.Of("The unit price is 0 or more, in minor units (fen), at most {0}.", Opportunities.OpportunityLine.MaxUnitPrice)));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/product-invalid", errors);
        }

        Code = trimmedCode;
        Name = trimmedName;
        Category = cleanCategory;
        UnitPrice = unitPrice!.Value;
        IsActive = active;
        return this;
    }
}
