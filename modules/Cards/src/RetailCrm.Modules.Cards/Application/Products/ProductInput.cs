using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Application.Products;

/// <summary>
/// A card product as the admin API takes it. Amounts are minor units (fen) of <paramref name="Currency"/>.
/// <paramref name="Version"/> is the version read, required on update.
/// </summary>
internal sealed record ProductInput(
    [Required][StringLength(40, MinimumLength = 1)][RegularExpression("^[A-Za-z0-9_-]+$")] string? Code,
    [Required][StringLength(200, MinimumLength = 1)] string? Name,
    [Required] CardKind? Kind,
    [Required][RegularExpression("^[A-Z]{3}$")] string? Currency,
    [Required][RegularExpression("^[0-9]{1,12}$")] string? NumberPrefix,
    [Required][Range(8, 19)] int? NumberLength,
    [StringLength(300)] string? FaceDesign,
    [Range(0, 1200)] int ValidityMonths,
    [Range(0, long.MaxValue)] long Fee,
    [Range(0, long.MaxValue)] long Deposit,
    [Range(0, 100)] int DiscountPercent,
    [Range(0, 1_000_000)] int PointsPerUnit,
    [Range(1, long.MaxValue)] long? PointsUnitAmount,
    PointsRounding PointsRounding,
    [Range(1, long.MaxValue)] long? MinTopUp,
    [Required][Range(1, long.MaxValue)] long? MaxTopUp,
    [Required][Range(1, long.MaxValue)] long? MaxBalance,
    bool PinRequired,
    [Range(1, 20)] int? PinMaxAttempts,
    bool? IsActive,
    long? Version,
    [Range(0, long.MaxValue)] long ExchangeFee = 0);

internal sealed record ProductView(
    Guid Id,
    string Code,
    string Name,
    CardKind Kind,
    string Currency,
    string NumberPrefix,
    int NumberLength,
    string? FaceDesign,
    int ValidityMonths,
    long Fee,
    long Deposit,
    int DiscountPercent,
    int PointsPerUnit,
    long PointsUnitAmount,
    PointsRounding PointsRounding,
    long MinTopUp,
    long MaxTopUp,
    long MaxBalance,
    bool PinRequired,
    int PinMaxAttempts,
    bool IsActive,
    long Version,
    long ExchangeFee)
{
    public static ProductView From(CardProduct p) => new(p.Id, p.Code, p.Name, p.Kind, p.Currency, p.NumberPrefix, p.NumberLength, p.FaceDesign,
        p.ValidityMonths, p.Fee, p.Deposit, p.DiscountPercent, p.PointsPerUnit, p.PointsUnitAmount, p.PointsRounding, p.MinTopUp, p.MaxTopUp,
        p.MaxBalance, p.PinRequired, p.PinMaxAttempts, p.IsActive, p.Version, p.ExchangeFee);
}
