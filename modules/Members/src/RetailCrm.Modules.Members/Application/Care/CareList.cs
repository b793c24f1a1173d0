using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application.Care;

internal enum CareOccasion
{
    Birthday,
    Anniversary,
}

/// <summary>One greeting due: whose, which occasion, when, and how many years it will be.</summary>
internal sealed record CareItem(
    Guid CustomerId,
    string Code,
    string DisplayName,
    string? Phone,
    Guid? UnitId,
    CareOccasion Occasion,
    string Label,
    DateOnly Date,
    DateOnly Next,
    int DaysUntil,
    int Years);

internal sealed record CareListResult(DateOnly From, int Days, Guid? UnitId, IReadOnlyList<CareItem> Items);

/// <summary>Care (客户关怀): birthdays and anniversaries of visible customers coming up in the next days.</summary>
internal sealed class CareList(MembersDbContext db, CustomerService customers, ISettingProvider settings, TimeProvider time)
{
    public const int MaxDays = 366;

    /// <summary>The window in days: the query's, else the setting <c>members.care.days</c>; refused (at <c>days</c>) when out of range.</summary>
    public async Task<Result<int>> DaysAsync(int? requested, CancellationToken cancellationToken)
    {
        var days = requested ?? await settings.GetIntAsync(MembersSettings.CareDays, cancellationToken);
        return days is >= 0 and <= MaxDays ? days : Refusal.Invalid(MembersRefusals.InvalidCode, "days", "Days must be between 0 and {0}.", MaxDays);
    }

    /// <summary>Occasions from today to today + <paramref name="days"/>, soonest first, optionally of one store or department.</summary>
    public async Task<CareListResult> GetAsync(int days, Guid? unitId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var months = CareCalendar.MonthsIn(today, days).ToList();
        var visible = (await customers.VisibleAsync(cancellationToken)).Where(c => c.Status == CustomerStatus.Active);
        if (unitId is { } unit)
        {
            visible = visible.Where(c => c.UnitId == unit);
        }

        var birthdays = await visible
            .Where(c => c.Birthday != null && months.Contains(c.Birthday.Value.Month))
            .Select(c => new { c.Id, c.Code, c.DisplayName, c.Phone, c.UnitId, Date = c.Birthday!.Value })
            .ToListAsync(cancellationToken);
        var anniversaries = await db.Set<CustomerAnniversary>().AsNoTracking()
            .Where(a => months.Contains(a.Date.Month))
            .Join(visible, a => a.CustomerId, c => c.Id, (a, c) => new { c.Id, c.Code, c.DisplayName, c.Phone, c.UnitId, a.Label, a.Date })
            .ToListAsync(cancellationToken);

        var items = new List<CareItem>();
        foreach (var b in birthdays)
        {
            var (next, until, years) = CareCalendar.Next(b.Date, today);
            if (until <= days)
            {
                items.Add(new CareItem(b.Id, b.Code, b.DisplayName, b.Phone, b.UnitId, CareOccasion.Birthday, "Birthday", b.Date, next, until, years));
            }
        }

        foreach (var a in anniversaries)
        {
            var (next, until, years) = CareCalendar.Next(a.Date, today);
            if (until <= days)
            {
                items.Add(new CareItem(a.Id, a.Code, a.DisplayName, a.Phone, a.UnitId, CareOccasion.Anniversary, a.Label, a.Date, next, until, years));
            }
        }

        return new CareListResult(today, days, unitId,
            items.OrderBy(i => i.DaysUntil).ThenBy(i => i.DisplayName, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal).ToList());
    }
}
