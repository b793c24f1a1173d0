using RetailCrm.Modules.Members.Application.Care;

namespace RetailCrm.Modules.Members.Tests.Care;

public sealed class CareCalendarTests
{
    [Fact]
    public void Should_wrap_around_the_year_end()
    {
        var (next, days, years) = CareCalendar.Next(new DateOnly(1990, 1, 3), new DateOnly(2026, 12, 20));

        next.ShouldBe(new DateOnly(2027, 1, 3));
        days.ShouldBe(14);
        years.ShouldBe(37);
    }

    [Fact]
    public void Should_count_today_as_zero_days()
    {
        var (next, days, years) = CareCalendar.Next(new DateOnly(2000, 6, 1), new DateOnly(2026, 6, 1));

        (next, days, years).ShouldBe((new DateOnly(2026, 6, 1), 0, 26));
    }

    [Fact]
    public void Should_keep_29_February_on_28_February_in_common_years()
    {
        CareCalendar.Next(new DateOnly(2000, 2, 29), new DateOnly(2027, 2, 1)).Next.ShouldBe(new DateOnly(2027, 2, 28));
        CareCalendar.Next(new DateOnly(2000, 2, 29), new DateOnly(2028, 2, 1)).Next.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void Should_list_the_months_a_window_touches_across_the_year_end()
    {
        CareCalendar.MonthsIn(new DateOnly(2026, 12, 20), 30).ShouldBe([12, 1]);
        CareCalendar.MonthsIn(new DateOnly(2026, 3, 1), 0).ShouldBe([3]);
        CareCalendar.MonthsIn(new DateOnly(2026, 3, 15), 366).Count.ShouldBe(12);
    }
}
