using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Cards.Application.Settlement;

/// <summary>
/// Daily settlement per store (门店日结, inter-store clearing). A card sold in one store may be spent in another, so
/// each store's cash for card business is set against HQ once a day. Computed, never stored: it reads only the
/// append-only ledger and counter charges, so the same day always gives the same figures.
/// <para>
/// A store is an organization unit by code (HQ is one too): a ledger entry or charge belongs to the store code it was
/// recorded with. Entries recorded without a store (admin API calls without <c>storeCode</c>) get a row of their own
/// with a null code, so that nothing is left out of the totals. Per store and currency, in minor units, all figures
/// non-negative magnitudes:
/// <list type="bullet">
/// <item><b>taken in</b> = value sold (ledger <c>TopUp</c>: first top-ups on sale, top-ups, preloaded bulk-sale value)
/// + fees + deposits + exchange fees − deposits paid back (counter charges <c>Fee</c>, <c>Deposit</c>, <c>ExchangeFee</c>,
/// <c>DepositRefund</c>);</item>
/// <item><b>redeemed</b> = payments (ledger <c>Payment</c>) − credits to cards (ledger <c>Reversal</c>, and <c>Refund</c> with
/// a positive amount: a refund onto the card). Credits count where they are recorded, which may be another store than the
/// payment's;</item>
/// <item><b>paid out</b> = balances paid out in cash when a card is closed (ledger <c>Refund</c> with a negative amount,
/// reference <c>close</c>), by the store that closed it;</item>
/// <item><b>net</b> against HQ = taken in − redeemed − paid out. Positive: the store holds cash for card value that is
/// (or may be) spent elsewhere and owes it to HQ. Negative: the store gave goods or cash for value paid for elsewhere
/// and HQ owes it the amount.</item>
/// </list>
/// Money moved on a card without cash (ledger <c>Adjustment</c> or <c>Fee</c> with an amount) is shown as adjustments and
/// is not part of the net. Points-only entries (amount 0) are not money and are left out.
/// </para>
/// <para>
/// The totals row per currency is the sum of the store rows; its net is the day's change of HQ's cash position for card
/// business (new liability sold plus fees, less value consumed and paid out), so the stores' nets add up to it.
/// Days run midnight to midnight in the time zone of setting <c>cards.settlement.timeZone</c> (the kernel has none).
/// </para>
/// </summary>
internal sealed class SettlementService(CardsDbContext db, ISettingProvider settings, IOrganizationUnits units, TimeProvider time)
{
    /// <summary>The store code of the drill-down into the row of entries recorded without a store.</summary>
    public const string NoStore = "-";

    public async Task<Result<SettlementReport>> DayAsync(string? date, CancellationToken cancellationToken)
    {
        var range = await DayRangeAsync(date, cancellationToken);
        if (range.IsRefused)
        {
            return range.Refusal;
        }

        var day = range.Value;

        var start = day.From;
        var end = day.To;
        var ledger = await (
                from e in db.Set<LedgerEntry>().AsNoTracking()
                where e.OccurredAt >= start && e.OccurredAt < end && e.Amount != 0
                join c in db.Set<Card>().AsNoTracking() on e.CardId equals c.Id
                group e by new { e.StoreCode, c.Currency, e.Kind, In = e.Amount > 0 } into g
                select new { g.Key.StoreCode, g.Key.Currency, g.Key.Kind, g.Key.In, Sum = g.Sum(x => x.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var charges = await db.Set<CardCharge>().AsNoTracking()
            .Where(x => x.OccurredAt >= start && x.OccurredAt < end)
            .GroupBy(x => new { x.StoreCode, x.Currency, x.Kind })
            .Select(g => new { g.Key.StoreCode, g.Key.Currency, g.Key.Kind, Sum = g.Sum(x => x.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = new Dictionary<(string? Store, string Currency), Accumulator>();
        Accumulator Row(string? store, string currency)
        {
            var key = (store, currency);
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new Accumulator(store, currency);
            }

            return row;
        }

        foreach (var g in ledger)
        {
            Row(g.StoreCode, g.Currency).AddLedger(g.Kind, g.Sum, g.Count);
        }

        foreach (var g in charges)
        {
            Row(g.StoreCode, g.Currency).AddCharge(g.Kind, g.Sum, g.Count);
        }

        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        var stores = rows.Values
            .OrderBy(r => r.Store is null).ThenBy(r => r.Store, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .Select(r => r.ToRow(r.Store is { } code ? names.GetValueOrDefault(code) : null))
            .ToList();
        var totals = rows.Values.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(new Accumulator(null, g.Key), (sum, r) => sum.Add(r)).ToRow("Total"))
            .ToList();
        return new SettlementReport(day.Date, day.TimeZone.Id, start, end, stores, totals);
    }

    /// <summary>Every ledger entry (with money) and charge of a store on the day, oldest first; <see cref="NoStore"/> for those without a store.</summary>
    public async Task<Result<SettlementTransactions>> TransactionsAsync(string storeCode, string? date, CancellationToken cancellationToken)
    {
        var range = await DayRangeAsync(date, cancellationToken);
        if (range.IsRefused)
        {
            return range.Refusal;
        }

        var day = range.Value;

        var (start, end) = (day.From, day.To);
        string? store = storeCode == NoStore ? null : storeCode.Trim();
        var ledger = await (
                from e in db.Set<LedgerEntry>().AsNoTracking()
                where e.OccurredAt >= start && e.OccurredAt < end && e.Amount != 0 && e.StoreCode == store
                join c in db.Set<Card>().AsNoTracking() on e.CardId equals c.Id
                select new { e.Id, e.Kind, e.Amount, c.Currency, c.Number, e.ReceiptId, e.Reference, e.OccurredAt, e.UserName })
            .ToListAsync(cancellationToken);
        var charges = await (
                from x in db.Set<CardCharge>().AsNoTracking()
                where x.OccurredAt >= start && x.OccurredAt < end && x.StoreCode == store
                join c in db.Set<Card>().AsNoTracking() on x.CardId equals c.Id
                select new { x.Id, x.Kind, x.Amount, x.Currency, c.Number, x.ReceiptId, x.Reference, x.OccurredAt, x.UserName })
            .ToListAsync(cancellationToken);

        var list = ledger
            .Select(e => new SettlementTransactionView("ledger", e.Id, e.Kind.ToString(), Category(e.Kind, e.Amount), e.Amount, e.Currency, Card.Mask(e.Number),
                e.ReceiptId, e.Reference, Utc(e.OccurredAt), Local(e.OccurredAt, day.TimeZone), e.UserName))
            .Concat(charges.Select(x => new SettlementTransactionView("charge", x.Id, x.Kind.ToString(), "takenIn", x.Amount, x.Currency, Card.Mask(x.Number),
                x.ReceiptId, x.Reference, Utc(x.OccurredAt), Local(x.OccurredAt, day.TimeZone), x.UserName)))
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id)
            .ToList();
        return new SettlementTransactions(day.Date, day.TimeZone.Id, store, list);
    }

    /// <summary>The day's store rows and totals as a file: CSV (UTF-8 with BOM, for Excel) or .xlsx.</summary>
    public async Task<Result<SettlementFile>> ExportAsync(string? date, string? format, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SettlementExportFormat>(format ?? "csv", ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat) || format?.All(char.IsLetter) == false)
        {
            return Refuse.Invalid("format", "The format is csv or xlsx.");
        }

        var report = await DayAsync(date, cancellationToken);
        return report.IsRefused ? report.Refusal : SettlementExport.Write(report.Value, exportFormat);
    }

    internal static string Category(LedgerEntryKind kind, long amount) => kind switch
    {
        LedgerEntryKind.TopUp when amount > 0 => "takenIn",
        LedgerEntryKind.Payment when amount < 0 => "redeemed",
        LedgerEntryKind.Reversal when amount > 0 => "redeemed",
        LedgerEntryKind.Refund when amount > 0 => "redeemed",
        LedgerEntryKind.Refund when amount < 0 => "paidOut",
        _ => "adjustment",
    };

    internal sealed record Day(DateOnly Date, TimeZoneInfo TimeZone, DateTime From, DateTime To);

    /// <summary>Today in the settlement time zone, as YYYY-MM-DD (the pages' default day).</summary>
    public async Task<string> TodayAsync(CancellationToken cancellationToken) =>
        Today(await ZoneAsync(cancellationToken)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        var zoneId = await settings.GetAsync(CardsSettings.SettlementTimeZone, cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? CardsSettings.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
    }

    private DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>Today, midnight to midnight in the settlement time zone.</summary>
    public async Task<Day> TodayRangeAsync(CancellationToken cancellationToken) => (await DayRangeAsync(null, cancellationToken)).Value;

    /// <summary>The given day, or today in the settlement time zone when none is given.</summary>
    private async Task<Result<Day>> DayRangeAsync(string? date, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(cancellationToken);
        DateOnly day;
        if (string.IsNullOrWhiteSpace(date))
        {
            day = Today(zone);
        }
        else if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return BadDate(date);
        }

        return new Day(day, zone, StartOf(day, zone), StartOf(day.AddDays(1), zone));
    }

    /// <summary>Local midnight in UTC; where a clock change skips midnight, the first local time that exists.</summary>
    internal static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static Refusal BadDate(string? date) =>
        Refuse.Invalid("date", "'{0}' is not a date; give the day as YYYY-MM-DD.", date ?? "");

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static DateTimeOffset Local(DateTime at, TimeZoneInfo zone)
    {
        var utc = Utc(at);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), zone.GetUtcOffset(utc));
    }

    private sealed class Accumulator(string? store, string currency)
    {
        public string? Store { get; } = store;

        public string Currency { get; } = currency;

        private long _valueSold, _fees, _deposits, _exchangeFees, _depositsRefunded, _payments, _credits, _paidOut, _adjustments;
        private int _topUps, _paymentCount, _creditCount, _closes, _chargeCount;

        public void AddLedger(LedgerEntryKind kind, long sum, int count)
        {
            switch (Category(kind, sum))
            {
                case "takenIn":
                    _valueSold += sum;
                    _topUps += count;
                    break;
                case "redeemed" when kind == LedgerEntryKind.Payment:
                    _payments -= sum;
                    _paymentCount += count;
                    break;
                case "redeemed":
                    _credits += sum;
                    _creditCount += count;
                    break;
                case "paidOut":
                    _paidOut -= sum;
                    _closes += count;
                    break;
                default:
                    _adjustments += sum;
                    break;
            }
        }

        public void AddCharge(CardChargeKind kind, long sum, int count)
        {
            _chargeCount += count;
            switch (kind)
            {
                case CardChargeKind.Fee:
                    _fees += sum;
                    break;
                case CardChargeKind.Deposit:
                    _deposits += sum;
                    break;
                case CardChargeKind.ExchangeFee:
                    _exchangeFees += sum;
                    break;
                case CardChargeKind.DepositRefund:
                    _depositsRefunded -= sum;
                    break;
                default:
                    _fees += sum;
                    break;
            }
        }

        public Accumulator Add(Accumulator other)
        {
            _valueSold += other._valueSold;
            _fees += other._fees;
            _deposits += other._deposits;
            _exchangeFees += other._exchangeFees;
            _depositsRefunded += other._depositsRefunded;
            _payments += other._payments;
            _credits += other._credits;
            _paidOut += other._paidOut;
            _adjustments += other._adjustments;
            _topUps += other._topUps;
            _paymentCount += other._paymentCount;
            _creditCount += other._creditCount;
            _closes += other._closes;
            _chargeCount += other._chargeCount;
            return this;
        }

        public SettlementRow ToRow(string? name)
        {
            var takenIn = _valueSold + _fees + _deposits + _exchangeFees - _depositsRefunded;
            var redeemed = _payments - _credits;
            return new SettlementRow(Store, name, Currency, _valueSold, _fees, _deposits, _exchangeFees, _depositsRefunded, takenIn,
                _payments, _credits, redeemed, _paidOut, takenIn - redeemed - _paidOut, _adjustments,
                _topUps, _paymentCount, _creditCount, _closes, _chargeCount);
        }
    }
}
