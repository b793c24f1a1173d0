using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>
/// One run of card production (卡制作): a consecutive range of serials of a product encoded onto blanks. Every
/// number of the range is one card; the counters say how many are still produced, put away into stock or spoiled.
/// Quick numbering (no blanks) is recorded as a run too, put away at once, so every number has a run.
/// </summary>
internal sealed class ProductionOrder : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ProductId { get; set; }

    public string LocationCode { get; set; } = "";

    /// <summary>False for quick numbering straight into stock (no blanks used).</summary>
    public bool UsesBlanks { get; set; }

    public int Quantity { get; set; }

    public long FirstSerial { get; set; }

    public string FirstNumber { get; set; } = "";

    public string LastNumber { get; set; } = "";

    public int ProducedCount { get; set; }

    public int PutAwayCount { get; set; }

    public int SpoiledCount { get; set; }

    public string? UserName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}
