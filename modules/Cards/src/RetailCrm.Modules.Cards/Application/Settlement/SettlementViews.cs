namespace RetailCrm.Modules.Cards.Application.Settlement;

/// <summary>
/// One store's (organization unit's) day in one currency. Every amount is a non-negative magnitude in minor units;
/// <see cref="TakenIn"/>, <see cref="Redeemed"/> and <see cref="Net"/> are derived as <see cref="SettlementService"/> describes.
/// <c>StoreCode</c> is the organization unit code as recorded (null for entries recorded without a store); <c>StoreName</c>
/// is null when the code is no organization unit of the tenant. <c>Adjustments</c> is money moved on cards without cash
/// (adjustments, card-side fees), signed, shown but not part of <see cref="Net"/>.
/// </summary>
internal sealed record SettlementRow(
    string? StoreCode,
    string? StoreName,
    string Currency,
    long ValueSold,
    long Fees,
    long Deposits,
    long ExchangeFees,
    long DepositsRefunded,
    long TakenIn,
    long Payments,
    long CreditsToCards,
    long Redeemed,
    long PaidOut,
    long Net,
    long Adjustments,
    int TopUpCount,
    int PaymentCount,
    int CreditCount,
    int CloseCount,
    int ChargeCount);

/// <summary>
/// The day's settlement: a row per store and currency, and per currency the totals of those rows. <c>From</c> (inclusive)
/// and <c>To</c> (exclusive) are the day's bounds in UTC.
/// </summary>
internal sealed record SettlementReport(DateOnly Date, string TimeZone, DateTime From, DateTime To, IReadOnlyList<SettlementRow> Stores, IReadOnlyList<SettlementRow> Totals);

/// <summary>
/// One ledger entry or counter charge behind a store's settlement row. <c>Source</c> is <c>ledger</c> or <c>charge</c>;
/// <c>Category</c> (<c>takenIn</c>, <c>redeemed</c>, <c>paidOut</c>, <c>adjustment</c>) says where it counts in the row;
/// <c>Amount</c> is signed as recorded (positive into the card or the till, negative out).
/// </summary>
internal sealed record SettlementTransactionView(
    string Source,
    Guid Id,
    string Kind,
    string Category,
    long Amount,
    string Currency,
    string CardNumber,
    string? ReceiptId,
    string? Reference,
    DateTime OccurredAt,
    DateTimeOffset LocalTime,
    string? UserName);

internal sealed record SettlementTransactions(DateOnly Date, string TimeZone, string? StoreCode, IReadOnlyList<SettlementTransactionView> Transactions);

internal enum SettlementExportFormat
{
    Csv,
    Xlsx,
}

internal sealed record SettlementFile(byte[] Content, string ContentType, string FileName);
