using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>
/// Checks a <see cref="PurchaseInput"/> field by field and turns it into an unsaved <see cref="Purchase"/>
/// (trimmed, currency upper-case, time in UTC to the microsecond PostgreSQL keeps, lines numbered).
/// The customer is resolved by the recorder.
/// </summary>
internal static class PurchaseNormalizer
{
    public const int MaxLines = 1000;

    /// <summary>How far a till's clock may run ahead of ours.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

    public static (Purchase Draft, List<FieldRefusal> Errors) Normalize(PurchaseInput input, string defaultCurrency, DateTime nowUtc)
    {
        var errors = new List<FieldRefusal>();
        var draft = new Purchase
        {
            ReceiptId = Text(input.ReceiptId, "receiptId", 100, required: true, errors) ?? "",
            StoreCode = Text(input.StoreCode, "storeCode", 50, required: false, errors),
            Tender = Text(input.Tender, "tender", 50, required: false, errors),
        };

        if (input.CustomerId is null && string.IsNullOrWhiteSpace(input.CustomerCode))
        {
            errors.Add("customerId", "Name the customer by customerId or customerCode.");
        }

        if (input.PurchasedAt is not { } purchasedAt)
        {
            errors.Add("purchasedAt", "The time of purchase is required.");
        }
        else if (purchasedAt.Kind == DateTimeKind.Unspecified)
        {
            errors.Add("purchasedAt", "Give the time of purchase with its offset, e.g. 2026-11-23T18:30:00+08:00, or in UTC with Z.");
        }
        else
        {
            var utc = purchasedAt.ToUniversalTime();
            draft.PurchasedAt = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
            if (draft.PurchasedAt > nowUtc + FutureTolerance)
            {
                errors.Add("purchasedAt", "The time of purchase is in the future.");
            }
            else if (draft.PurchasedAt.Year < 2000)
            {
                errors.Add("purchasedAt", "The time of purchase is before 2000.");
            }
        }

        if (input.Amount is not { } amount)
        {
            errors.Add("amount", "The amount (in minor units, e.g. fen) is required.");
        }
        else
        {
            draft.Amount = amount;
        }

        var currency = string.IsNullOrWhiteSpace(input.Currency) ? defaultCurrency : input.Currency.Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", "The currency must be an ISO 4217 code such as CNY.");
        }

        draft.Currency = currency;
        NormalizeLines(input.Lines ?? [], draft, errors);
        if (draft.Lines.Count > 0 && input.Amount is { } total && !errors.Any(e => e.Field.StartsWith("lines", StringComparison.Ordinal))
            && draft.Lines.Sum(l => l.Amount) != total)
        {
            errors.Add("lines", "The lines add up to {0}, the receipt to {1}.", draft.Lines.Sum(l => l.Amount), total);
        }

        return (draft, errors);
    }

    private static void NormalizeLines(IReadOnlyList<PurchaseLineInput> lines, Purchase draft, List<FieldRefusal> errors)
    {
        if (lines.Count > MaxLines)
        {
            errors.Add("lines", "A receipt has at most {0} lines.", MaxLines);
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(at, "The line is empty.");
                continue;
            }

            var normalized = new PurchaseLine
            {
                LineNo = i + 1,
                Sku = Text(line.Sku, at + ".sku", 60, required: false, errors),
                Description = Text(line.Description, at + ".description", 300, required: true, errors) ?? "",
            };
            if (line.Quantity is not { } quantity || quantity == 0)
            {
                errors.Add(at + ".quantity", "The quantity is required and not zero.");
            }
            else if (decimal.Round(quantity, 3) != quantity || Math.Abs(quantity) >= 1_000_000_000_000_000m)
            {
                errors.Add(at + ".quantity", "The quantity has at most 3 decimals and 15 digits.");
            }
            else
            {
                normalized.Quantity = quantity;
            }

            if (line.UnitPrice is not { } unitPrice)
            {
                errors.Add(at + ".unitPrice", "The unit price (in minor units) is required.");
            }
            else
            {
                normalized.UnitPrice = unitPrice;
            }

            if (line.Amount is not { } lineAmount)
            {
                errors.Add(at + ".amount", "The line amount (in minor units) is required.");
            }
            else
            {
                normalized.Amount = lineAmount;
            }

            draft.Lines.Add(normalized);
        }
    }

    private static string? Text(string? value, string field, int maxLength, bool required, List<FieldRefusal> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(field, "This field is required.");
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, "At most {0} characters.", maxLength);
        }

        return trimmed;
    }

    /// <summary>The fields in which a stored receipt differs from a replayed one (empty when it is the same receipt).</summary>
    public static IReadOnlyList<string> Differences(Purchase stored, Purchase replayed, Guid replayedCustomerId)
    {
        var fields = new List<string>();
        void Check(bool same, string field)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }

        Check(stored.CustomerId == replayedCustomerId, "customer");
        Check(stored.StoreCode == replayed.StoreCode, "storeCode");
        Check(stored.PurchasedAt.Ticks == replayed.PurchasedAt.Ticks, "purchasedAt");
        Check(stored.Amount == replayed.Amount, "amount");
        Check(stored.Currency == replayed.Currency, "currency");
        Check(stored.Tender == replayed.Tender, "tender");
        var storedLines = stored.Lines.OrderBy(l => l.LineNo).ToList();
        var replayedLines = replayed.Lines.OrderBy(l => l.LineNo).ToList();
        Check(storedLines.Count == replayedLines.Count
            && storedLines.Zip(replayedLines).All(p => p.First.Sku == p.Second.Sku && p.First.Description == p.Second.Description
                && p.First.Quantity == p.Second.Quantity && p.First.UnitPrice == p.Second.UnitPrice && p.First.Amount == p.Second.Amount), "lines");
        return fields;
    }
}
