namespace RetailCrm.Modules.Members.Application.Care;

/// <summary>When a yearly date (birthday, anniversary) comes round next, counted from a given day.</summary>
internal static class CareCalendar
{
    /// <summary>
    /// The next day on or after <paramref name="today"/> that the date recurs, how many days away it is,
    /// and how many years it will then be (age, years married, years as a customer). 29 February is
    /// kept on 28 February in common years.
    /// </summary>
    public static (DateOnly Next, int DaysUntil, int Years) Next(DateOnly date, DateOnly today)
    {
        var next = OnYear(date, today.Year);
        if (next < today)
        {
            next = OnYear(date, today.Year + 1);
        }

        return (next, next.DayNumber - today.DayNumber, next.Year - date.Year);
    }

    /// <summary>The months (1-12) that the days from <paramref name="today"/> to <paramref name="today"/> + <paramref name="days"/> touch, to filter in the database.</summary>
    public static IReadOnlyList<int> MonthsIn(DateOnly today, int days)
    {
        var months = new List<int>();
        for (var month = new DateOnly(today.Year, today.Month, 1); month <= today.AddDays(days) && months.Count < 12; month = month.AddMonths(1))
        {
            months.Add(month.Month);
        }

        return months;
    }

    private static DateOnly OnYear(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
}
