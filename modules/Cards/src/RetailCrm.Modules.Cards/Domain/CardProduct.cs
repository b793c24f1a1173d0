using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>How points are rounded when an amount does not fill a whole unit.</summary>
internal enum PointsRounding
{
    Down,
    Nearest,
    Up,
}

/// <summary>
/// A card product (卡规划设计): what kind of card, how its numbers look, what it costs, how it
/// earns points and how much money it may hold. Every amount is in minor units of <see cref="Currency"/>.
/// </summary>
internal sealed class CardProduct : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Short code, unique per tenant (e.g. <c>GOLD</c>).</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public CardKind Kind { get; set; }

    /// <summary>ISO 4217 code of every amount of this product and its cards.</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>Digits every number starts with.</summary>
    public string NumberPrefix { get; set; } = "";

    /// <summary>Total digits of a number, the Luhn check digit included.</summary>
    public int NumberLength { get; set; }

    /// <summary>The serial the next card gets; moved on by one conditional update so that parallel requests never share one.</summary>
    public long NextSerial { get; set; } = 1;

    /// <summary>Reference to the face design (image or design code).</summary>
    public string? FaceDesign { get; set; }

    /// <summary>Months a card stays valid after activation; 0 = no expiry.</summary>
    public int ValidityMonths { get; set; }

    public long Fee { get; set; }

    public long Deposit { get; set; }

    /// <summary>Fee for replacing a card (换卡费), taken in cash at the counter.</summary>
    public long ExchangeFee { get; set; }

    /// <summary>Discount the holder gets, in whole percent (0–100).</summary>
    public int DiscountPercent { get; set; }

    /// <summary>Points earned for each <see cref="PointsUnitAmount"/> spent; 0 = earns no points.</summary>
    public int PointsPerUnit { get; set; }

    /// <summary>The amount (minor units) that earns <see cref="PointsPerUnit"/>, e.g. 100 = one yuan.</summary>
    public long PointsUnitAmount { get; set; } = 100;

    public PointsRounding PointsRounding { get; set; }

    public long MinTopUp { get; set; }

    public long MaxTopUp { get; set; }

    public long MaxBalance { get; set; }

    public bool PinRequired { get; set; }

    /// <summary>Wrong PINs in a row after which the card locks (frozen until a clerk unfreezes it).</summary>
    public int PinMaxAttempts { get; set; } = 3;

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>When a card of this product sold at <paramref name="soldAt"/> expires; null when it does not.</summary>
    public DateTime? ExpiryOfCardSoldAt(DateTime soldAt) => ValidityMonths > 0 ? soldAt.AddMonths(ValidityMonths) : null;

    /// <summary>Why a top-up (or the value a card is sold with) of <paramref name="amount"/> is out of the product's limits, at <paramref name="field"/>; null when it is within them.</summary>
    public Refusal? WhyNotTopUp(long amount, string field) =>
        amount < MinTopUp ? Refuse.Invalid(field, "A top-up is at least {0}.", new MoneyAmount(MinTopUp, Currency))
        : amount > MaxTopUp ? Refuse.Invalid(field, "A top-up is at most {0}.", new MoneyAmount(MaxTopUp, Currency))
        : amount > MaxBalance ? Refuse.Invalid(field, "The balance may not exceed {0}.", new MoneyAmount(MaxBalance, Currency))
        : null;

    /// <summary>Points an amount earns by this product's rule; integer arithmetic only.</summary>
    public long PointsFor(long amount)
    {
        if (PointsPerUnit <= 0 || PointsUnitAmount <= 0 || amount <= 0)
        {
            return 0;
        }

        var scaled = (Int128)amount * PointsPerUnit;
        var whole = scaled / PointsUnitAmount;
        var rest = scaled % PointsUnitAmount;
        var points = PointsRounding switch
        {
            PointsRounding.Up when rest > 0 => whole + 1,
            PointsRounding.Nearest when rest * 2 >= PointsUnitAmount => whole + 1,
            _ => whole,
        };
        return (long)points;
    }
}
