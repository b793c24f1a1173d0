using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>Where a stock-take is. Stored as numbers: new values go at the end.</summary>
internal enum StockTakeStatus
{
    Open,
    Counted,
    Closed,
    WrittenOff,
}

/// <summary>
/// A count of one location's stock (盘点): the expected card numbers and blanks are a snapshot taken when it opens,
/// the counted ones are submitted, closing compares both and keeps the differences.
/// </summary>
internal sealed class StockTake : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string LocationCode { get; set; } = "";

    public StockTakeStatus Status { get; set; }

    public int ExpectedCards { get; set; }

    public int CountedCards { get; set; }

    public int MissingCards { get; set; }

    public int UnexpectedCards { get; set; }

    public string? OpenedBy { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? CountedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? WriteOffReason { get; set; }

    public DateTime? WrittenOffAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One card number of a stock-take: expected (in the snapshot), counted, or both.</summary>
internal sealed class StockTakeCard : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid StockTakeId { get; set; }

    public string Number { get; set; } = "";

    /// <summary>The card, when the number is one of this tenant's cards.</summary>
    public Guid? CardId { get; set; }

    public Guid? ProductId { get; set; }

    public bool Expected { get; set; }

    public bool Counted { get; set; }
}

/// <summary>Blanks of one product in a stock-take: expected from the snapshot, counted when submitted.</summary>
internal sealed class StockTakeBlank : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid StockTakeId { get; set; }

    public Guid ProductId { get; set; }

    public int Expected { get; set; }

    public int? Counted { get; set; }
}
