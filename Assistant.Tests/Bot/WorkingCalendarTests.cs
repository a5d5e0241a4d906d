using Assistant.Bot.Ratings;

namespace Assistant.Tests.Bot;

public sealed class WorkingCalendarTests
{
    [Fact]
    public void SkipsWeekendsAndConfiguredHolidays()
    {
        // 2026-09-30 is a Wednesday; 10-01..10-07 are the National Day holidays and 10-10 (Saturday) a 调休 workday.
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d));
        var calendar = new WorkingCalendar(holidays, [new DateOnly(2026, 10, 10)]);

        Assert.Equal(new DateOnly(2026, 10, 8), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(new DateOnly(2026, 10, 21), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 11));
    }

    [Fact]
    public void FifteenWorkingDaysAreThreeWeeksWithoutHolidays()
    {
        var calendar = new WorkingCalendar([], []);

        // Friday 2026-11-27 + 15 working days = Friday 2026-12-18.
        Assert.Equal(new DateOnly(2026, 12, 18), calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 15));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
    }
}
