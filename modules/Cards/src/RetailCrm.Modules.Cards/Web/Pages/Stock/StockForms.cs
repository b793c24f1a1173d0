using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Application.Stock;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record SupplierForm(
    [Required(ErrorMessage = "Give the supplier's name.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Name,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? Contact,
    [StringLength(50, ErrorMessage = "At most 50 characters.")] string? Phone,
    [EmailAddress(ErrorMessage = "Not an e-mail address.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Email);

internal sealed record PurchaseOrderForm(
    [Required(ErrorMessage = "Choose a supplier.")] Guid? SupplierId,
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of blanks.")][Range(1, 1_000_000, ErrorMessage = "1 to 1,000,000 blanks.")] int? Quantity,
    [Required(ErrorMessage = "Give the unit price.")][Yuan] string? UnitPrice,
    DateOnly? ExpectedDate,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? Note);

internal sealed record PurchaseReceiptForm(
    [Required(ErrorMessage = "Give the number of blanks that arrived.")][Range(1, 1_000_000, ErrorMessage = "1 to 1,000,000 blanks.")] int? Quantity,
    [Required(ErrorMessage = "Give the batch reference.")][StringLength(100, ErrorMessage = "At most 100 characters.")] string? BatchReference);

internal sealed record ProductionForm(
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 5000, ErrorMessage = "1 to 5000 cards a run.")] int? Quantity);

/// <summary>The quality check of a run: the spoiled numbers (one a line) and why; every other produced card is put away.</summary>
internal sealed record PutAwayForm(
    [StringLength(20_000, ErrorMessage = "Too many numbers.")] string? Spoiled,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? SpoiledReason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TypedNumbers.Parse(Spoiled) is not null && string.IsNullOrWhiteSpace(SpoiledReason))
        {
            yield return new ValidationResult("Say why the cards are spoiled.", [nameof(SpoiledReason)]);
        }
    }
}

internal sealed record StoreRequestForm(
    [Required(ErrorMessage = "Choose the store.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? StoreCode,
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 100_000, ErrorMessage = "1 to 100,000 cards.")] int? Quantity,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? Note);

internal sealed record ApproveForm([Range(1, 100_000, ErrorMessage = "1 to 100,000 cards.")] int? Quantity);

internal sealed record RejectForm([Required(ErrorMessage = "Say why the request is rejected.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);

internal sealed record MissingForm(
    [Required(ErrorMessage = "Say what became of the missing cards.")] MissingCardResolution? Resolution,
    [Required(ErrorMessage = "Give the reason.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);

/// <summary>Card numbers typed one a line; empty means "all" (receive) or "HQ picks" (ship).</summary>
internal sealed record NumbersForm([StringLength(100_000, ErrorMessage = "Too many numbers.")] string? Numbers);

internal sealed record OpenStockTakeForm([Required(ErrorMessage = "Choose the location.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? LocationCode);

/// <summary>What was counted: card numbers one a line, and blanks per product (<c>Blanks[productId]</c>; a product left empty counts 0).</summary>
internal sealed record CountForm([StringLength(200_000, ErrorMessage = "Too many numbers.")] string? Numbers, Dictionary<Guid, int?>? Blanks) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Blanks?.Values.Any(q => q is < 0 or > 10_000_000) == true)
        {
            yield return new ValidationResult("A count of blanks is 0 to 10,000,000.", [nameof(Blanks)]);
        }
    }
}

internal sealed record WriteOffForm([Required(ErrorMessage = "Say why the differences are written off.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);
