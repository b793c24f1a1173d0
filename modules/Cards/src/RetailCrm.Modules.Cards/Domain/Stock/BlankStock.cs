using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>
/// Blank (not yet encoded) cards of one product at one location. <see cref="Quantity"/> only moves by one
/// conditional UPDATE (<c>quantity = quantity + @delta WHERE quantity + @delta &gt;= 0</c>), decided by the
/// database on the locked row: never negative, never a lost update.
/// </summary>
internal sealed class BlankStock : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string LocationCode { get; set; } = "";

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    public DateTime UpdatedAt { get; set; }
}
