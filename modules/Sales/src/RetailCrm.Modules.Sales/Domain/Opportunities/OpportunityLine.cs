using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>One product or service sold in a deal: quantity times unit price less the discount, in minor units.</summary>
internal sealed class OpportunityLine : ITenantOwned
{
    public const int MaxDescriptionLength = 200;
    public const decimal MaxQuantity = 1_000_000m;
    public const long MaxUnitPrice = 100_000_000_000L;

    private OpportunityLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; private set; }

    public int Position { get; private set; }

    public Guid? ProductId { get; private set; }

    public string Description { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public long UnitPrice { get; private set; }

    /// <summary>0 to 100, e.g. 12.5 for 12.5 % off.</summary>
    public decimal DiscountPercent { get; private set; }

    public long Amount { get; private set; }

    /// <summary>
    /// The line, or the fields at fault under <c>lines[i]</c>. The amount is rounded half away from zero to the minor
    /// unit once per line, so the deal's amount is the sum of what the lines show.
    /// </summary>
    public static Result<OpportunityLine> Create(Guid opportunityId, int index, Guid? productId, string? description, decimal? quantity, long? unitPrice, decimal? discountPercent)
    {
        var at = $"lines[{index}]";
        var errors = new List<FieldRefusal>();
        var text = description?.Trim() ?? "";
        if (text.Length is 0 or > MaxDescriptionLength)
        {
            errors.Add(new FieldRefusal($"{at}.description", LocalizableText.Of("Describe the line in 1 to {0} characters.", MaxDescriptionLength)));
        }

        if (quantity is not > 0m || quantity > MaxQuantity || decimal.Round(quantity.Value, 3) != quantity.Value)
        {
            errors.Add(new FieldRefusal($"{at}.quantity", LocalizableText.Of("The quantity is more than 0 and at most {0}, with at most 3 decimals.", MaxQuantity)));
        }

        if (unitPrice is not >= 0 || unitPrice > MaxUnitPrice)
        {
            errors.Add(new FieldRefusal($"{at}.unitPrice", LocalizableText.Of("The unit price is 0 or more, in minor units (fen), at most {0}.", MaxUnitPrice)));
        }

        if (discountPercent is < 0m or > 100m)
        {
            errors.Add(new FieldRefusal($"{at}.discountPercent", LocalizableText.Of("The discount is 0 to 100 percent.")));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/line-invalid", errors);
        }

        var discount = discountPercent ?? 0m;
        var amount = decimal.Round(quantity!.Value * unitPrice!.Value * (100m - discount) / 100m, 0, MidpointRounding.AwayFromZero);
        return new OpportunityLine
        {
            Id = Guid.NewGuid(),
            OpportunityId = opportunityId,
            Position = index,
            ProductId = productId,
            Description = text,
            Quantity = quantity.Value,
            UnitPrice = unitPrice.Value,
            DiscountPercent = discount,
            Amount = (long)amount,
        };
    }
}
