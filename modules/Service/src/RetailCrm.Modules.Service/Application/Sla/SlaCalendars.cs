using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>
/// The tenant's business calendars for clocks: the default one (Monday to Friday 09:00-18:00 in the zone of
/// <c>service.time-zone</c>) is created the first time it is needed; calendars are read once per scope.
/// </summary>
internal sealed class SlaCalendars(ServiceDbContext db, ISettingProvider settings)
{
    private readonly Dictionary<Guid, BusinessCalendar> _loaded = [];

    public async Task<SlaCalendar> DefaultAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Set<SlaCalendar>().FirstOrDefaultAsync(c => c.IsDefault, cancellationToken)
            ?? db.Set<SlaCalendar>().Local.FirstOrDefault(c => c.IsDefault);
        if (existing is not null)
        {
            return existing;
        }

        var zone = await settings.GetAsync(SlaSettings.TimeZone, cancellationToken);
        var calendar = SlaCalendar.Create("Office hours", string.IsNullOrWhiteSpace(zone) ? SlaSettings.DefaultTimeZone : zone, SlaCalendar.OfficeHours, []);
        calendar.IsDefault = true;
        db.Set<SlaCalendar>().Add(calendar);
        return calendar;
    }

    public async Task<BusinessCalendar> BusinessAsync(Guid calendarId, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(calendarId, out var known))
        {
            return known;
        }

        var stored = db.Set<SlaCalendar>().Local.FirstOrDefault(c => c.Id == calendarId)
            ?? await db.Set<SlaCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, cancellationToken)
            ?? await DefaultAsync(cancellationToken);
        return _loaded[calendarId] = stored.ToBusinessCalendar();
    }
}
