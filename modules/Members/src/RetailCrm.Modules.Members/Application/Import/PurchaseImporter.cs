using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.DataQuality;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>A purchase row that can be recorded.</summary>
internal sealed record PurchaseCandidate(int Row, Guid CustomerId, string CustomerCode, string ReceiptId, string? StoreCode, DateTime PurchasedAt, long Amount, string Currency, string? Tender, bool IsDuplicate);

internal sealed record PurchaseAnalysis(int TotalRows, IReadOnlyList<PurchaseCandidate> Candidates, RowFindings Findings);

/// <summary>
/// Purchase import: rows name the customer by code or phone and carry receipt id, amount, time,
/// store and tender. Idempotent by receipt id: a receipt already recorded (or twice in the file)
/// is a duplicate and never written again, whatever the commit's choice about duplicates.
/// </summary>
internal sealed class PurchaseImporter(MembersDbContext db, ISettingProvider settings, PurchaseRecorder recorder)
{
    private const string ImportSource = "import";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ssK", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMddHHmmss",
    ];

    public async Task<PurchaseAnalysis> AnalyzeAsync(TableContent table, ResolvedMapping mapping, CancellationToken cancellationToken)
    {
        var region = await settings.GetAsync(MembersSettings.PhoneRegion, cancellationToken) ?? "CN";
        var active = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active);
        var byCode = new Dictionary<string, (Guid Id, string Code)>(StringComparer.OrdinalIgnoreCase);
        var byPhone = new Dictionary<string, List<(Guid Id, string Code)>>(StringComparer.Ordinal);
        await foreach (var c in active.Select(c => new { c.Id, c.Code, c.Phone }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            byCode[c.Code] = (c.Id, c.Code);
            if (c.Phone is not null)
            {
                if (!byPhone.TryGetValue(c.Phone, out var list))
                {
                    byPhone[c.Phone] = list = [];
                }

                list.Add((c.Id, c.Code));
            }
        }

        var receipts = table.Rows.Select(r => mapping.Get(r, "receiptId")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in receipts.Chunk(500))
        {
            recorded.UnionWith(await db.Set<Purchase>().Where(p => chunk.Contains(p.ReceiptId)).Select(p => p.ReceiptId).ToListAsync(cancellationToken));
        }

        var findings = new RowFindings();
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<PurchaseCandidate>();
        foreach (var row in table.Rows)
        {
            void Error(string field, string message) => findings.Error(row.Number, field, mapping.Column(field), LocalizableText.Of(message));
            var customer = ResolveCustomer(row, mapping, region, byCode, byPhone, Error);
            var receiptId = mapping.Get(row, "receiptId");
            if (receiptId is null)
            {
                Error("receiptId", "A purchase needs a receipt id.");
            }
            else if (receiptId.Length > 100)
            {
                Error("receiptId", "The receipt id is longer than 100 characters.");
            }

            var amount = ParseAmount(mapping.Get(row, "amount"), Error);
            var purchasedAt = ParseTime(mapping.Get(row, "purchasedAt"), Error);
            var currency = (mapping.Get(row, "currency") ?? "CNY").ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
            {
                Error("currency", "The currency is a three-letter ISO code, e.g. CNY.");
            }

            var store = mapping.Get(row, "storeCode");
            var tender = mapping.Get(row, "tender");
            if (store?.Length > 50)
            {
                Error("storeCode", "The store code is longer than 50 characters.");
            }

            if (tender?.Length > 50)
            {
                Error("tender", "The tender is longer than 50 characters.");
            }

            if (findings.HasError(row.Number) || customer is null || receiptId is null || amount is null || purchasedAt is null)
            {
                continue;
            }

            var duplicate = false;
            if (recorded.Contains(receiptId))
            {
                findings.Duplicate(row.Number, "receiptId", mapping.Column("receiptId"), LocalizableText.Of("Receipt {0} is already recorded.", receiptId), receiptId);
                duplicate = true;
            }
            else if (!inFile.TryAdd(receiptId, row.Number))
            {
                findings.Duplicate(row.Number, "receiptId", mapping.Column("receiptId"), LocalizableText.Of("Receipt {0} is also in row {1}.", receiptId, inFile[receiptId]), $"row {inFile[receiptId]}");
                duplicate = true;
            }

            candidates.Add(new PurchaseCandidate(row.Number, customer.Value.Id, customer.Value.Code, receiptId, store, purchasedAt.Value, amount.Value, currency, tender, duplicate));
        }

        return new PurchaseAnalysis(table.Rows.Count, candidates, findings);
    }

    /// <summary>
    /// Records the purchases inside the caller's transaction through <see cref="PurchaseRecorder"/>, the
    /// one place that keeps the customers' figures and lifecycle classes current and raises the event.
    /// A row the recorder refuses aborts the batch (all-or-nothing); a receipt recorded meanwhile is skipped.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyList<PurchaseCandidate> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var row in rows)
        {
            var input = new PurchaseInput
            {
                CustomerId = row.CustomerId,
                ReceiptId = row.ReceiptId,
                StoreCode = row.StoreCode,
                PurchasedAt = DateTime.SpecifyKind(row.PurchasedAt, DateTimeKind.Utc),
                Amount = row.Amount,
                Currency = row.Currency,
                Tender = row.Tender,
            };
            var recorded = await recorder.RecordAsync(input, ImportSource, cancellationToken);
            if (recorded.IsRefused)
            {
                // A receipt recorded meanwhile with other content, or a row the recorder finds invalid: the batch stops.
                var why = recorded.Refusal.Kind == RefusalKind.Invalid ? recorded.Refusal.Fields.Select(f => f.Text) : [recorded.Refusal.Text];
                throw new InvalidOperationException($"Row {row.Row}: {string.Join(" ", why.Select(t => t.English()))}");
            }

            written += recorded.Value.AlreadyRecorded ? 0 : 1;

            if (written % 500 == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        return written;
    }

    private static (Guid Id, string Code)? ResolveCustomer(TableRow row, ResolvedMapping mapping, string region,
        Dictionary<string, (Guid Id, string Code)> byCode, Dictionary<string, List<(Guid Id, string Code)>> byPhone, Action<string, string> error)
    {
        if (mapping.Get(row, "customerCode") is { } code)
        {
            if (byCode.TryGetValue(code, out var customer))
            {
                return customer;
            }

            error("customerCode", $"There is no customer {code}.");
            return null;
        }

        if (mapping.Get(row, "phone") is not { } phoneText)
        {
            error(mapping.Has("customerCode") ? "customerCode" : "phone", "A purchase needs the customer's code or phone.");
            return null;
        }

        var (phone, phoneError) = PhoneNormalizer.Normalize(phoneText, region);
        if (phone is null)
        {
            error("phone", phoneError?.English() ?? "Not a phone number.");
            return null;
        }

        switch (byPhone.GetValueOrDefault(phone))
        {
            case [var only]:
                return only;
            case { Count: > 1 } several:
                error("phone", $"Several customers have the phone {phone} ({string.Join(", ", several.Select(c => c.Code))}); give the customer code.");
                return null;
            default:
                error("phone", $"No customer has the phone {phone}.");
                return null;
        }
    }

    private static long? ParseAmount(string? text, Action<string, string> error)
    {
        if (text is null)
        {
            error("amount", "A purchase needs an amount.");
            return null;
        }

        var cleaned = text.Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || Math.Abs(amount) > 100_000_000m)
        {
            error("amount", $"'{text}' is not an amount (e.g. 128.50).");
            return null;
        }

        if (decimal.Round(amount, 2) != amount)
        {
            error("amount", $"'{text}' has more than two decimals.");
            return null;
        }

        return (long)(amount * 100);
    }

    /// <summary>Times without an offset are taken as UTC, as the API takes them.</summary>
    private static DateTime? ParseTime(string? text, Action<string, string> error)
    {
        if (text is null)
        {
            error("purchasedAt", "A purchase needs its time.");
            return null;
        }

        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            error("purchasedAt", $"'{text}' is not a time (yyyy-MM-dd HH:mm:ss).");
            return null;
        }

        if (time > DateTime.UtcNow.AddDays(1) || time.Year < 2000)
        {
            error("purchasedAt", $"{time:yyyy-MM-dd HH:mm} is not a plausible purchase time.");
            return null;
        }

        return time;
    }
}
