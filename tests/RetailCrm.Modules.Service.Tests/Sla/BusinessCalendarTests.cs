using RetailCrm.Modules.Service.Domain.Sla;

namespace RetailCrm.Modules.Service.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void Should_carry_business_minutes_over_the_weekend()
    {
        var calendar = new BusinessCalendar(Shanghai, SlaCalendar.OfficeHours, []);
        var fridayFive = Utc(Shanghai, 2026, 12, 11, 17, 0);

        var due = calendar.AddBusinessMinutes(fridayFive, 120);

        due.ShouldBe(Utc(Shanghai, 2026, 12, 14, 10, 0), "one hour on Friday, one on Monday");
        calendar.BusinessMinutesBetween(fridayFive, due).ShouldBe(120);
        calendar.BusinessMinutesBetween(Utc(Shanghai, 2026, 12, 12, 10, 0), Utc(Shanghai, 2026, 12, 13, 17, 0)).ShouldBe(0, "Saturday and Sunday count nothing");
    }

    [Fact]
    public void Should_skip_a_holiday()
    {
        var calendar = new BusinessCalendar(Shanghai, SlaCalendar.OfficeHours, [new DateOnly(2026, 12, 8)]);

        var due = calendar.AddBusinessMinutes(Utc(Shanghai, 2026, 12, 7, 17, 30), 60);

        due.ShouldBe(Utc(Shanghai, 2026, 12, 9, 9, 30), "Tuesday the 8th is a holiday");
        calendar.BusinessMinutesBetween(Utc(Shanghai, 2026, 12, 7, 18, 0), Utc(Shanghai, 2026, 12, 9, 9, 0)).ShouldBe(0);
    }

    [Fact]
    public void Should_not_count_the_lunch_break()
    {
        var hours = Weekdays.SelectMany(d => new[] { new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(d, new TimeOnly(13, 0), new TimeOnly(18, 0)) });
        var calendar = new BusinessCalendar(Shanghai, hours, []);

        calendar.AddBusinessMinutes(Utc(Shanghai, 2026, 12, 7, 11, 30), 60).ShouldBe(Utc(Shanghai, 2026, 12, 7, 13, 30));
        calendar.BusinessMinutesBetween(Utc(Shanghai, 2026, 12, 7, 11, 0), Utc(Shanghai, 2026, 12, 7, 14, 0)).ShouldBe(120);
        calendar.AddBusinessMinutes(Utc(Shanghai, 2026, 12, 7, 12, 15), 0).ShouldBe(Utc(Shanghai, 2026, 12, 7, 13, 0), "a clock started at lunch counts from 13:00");
    }

    [Fact]
    public void Should_count_the_wall_clock_hours_on_the_day_summer_time_starts()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var sundays = new[] { new WorkingHours(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(6, 0)) };
        var calendar = new BusinessCalendar(berlin, sundays, []);
        var start = Utc(berlin, 2026, 3, 29, 0, 0);

        calendar.BusinessMinutesBetween(start, Utc(berlin, 2026, 3, 29, 6, 0)).ShouldBe(300, "02:00-03:00 does not exist that night");
        calendar.AddBusinessMinutes(start, 180).ShouldBe(Utc(berlin, 2026, 3, 29, 4, 0));
        calendar.AddBusinessMinutes(start, 180).ShouldBe(new DateTime(2026, 3, 29, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Should_refuse_a_calendar_without_hours()
    {
        Should.Throw<ArgumentException>(() => new BusinessCalendar(Shanghai, [], []));
    }

    private static DateTime Utc(TimeZoneInfo zone, int year, int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), zone);
}
