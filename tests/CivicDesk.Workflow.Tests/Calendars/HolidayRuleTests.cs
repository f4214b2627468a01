using CivicDesk.Workflow.Calendars;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Calendars;

public sealed class HolidayRuleTests
{
    [Fact]
    public void DateIn_FourthThursdayOfNovember_IsThanksgiving()
    {
        NthWeekdayHoliday thanksgiving = new("Thanksgiving", 11, IsoDayOfWeek.Thursday, 4, ObservedRule.None);

        Assert.Equal(Date("2025-11-27"), thanksgiving.DateIn(2025));
    }

    [Fact]
    public void DateIn_LastMondayOfMay_IsMemorialDay()
    {
        LastWeekdayHoliday memorial = new("Memorial Day", 5, IsoDayOfWeek.Monday, ObservedRule.None);

        Assert.Equal(Date("2025-05-26"), memorial.DateIn(2025));
    }

    [Fact]
    public void DateIn_FifthMondayAMonthDoesNotHave_IsNull()
    {
        NthWeekdayHoliday fifth = new("Fifth Monday", 2, IsoDayOfWeek.Monday, 5, ObservedRule.None);

        Assert.Null(fifth.DateIn(2025));
    }

    [Fact]
    public void IsBusinessDay_SaturdayHolidayObservedFriday_ClosesTheFriday()
    {
        BusinessCalendar calendar = Build(
            Hours(Weekdays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("Independence Day", 7, 4, ObservedRule.FridayOrMonday)]);

        Assert.False(calendar.IsBusinessDay(Date("2026-07-03")));
        Assert.True(calendar.IsBusinessDay(Date("2026-07-06")));
    }

    [Fact]
    public void IsBusinessDay_SundayHolidayObservedMonday_ClosesTheMonday()
    {
        BusinessCalendar calendar = Build(
            Hours(Weekdays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("Independence Day", 7, 4, ObservedRule.MondayOnly)]);

        Assert.False(calendar.IsBusinessDay(Date("2027-07-05")));
    }

    [Fact]
    public void IsBusinessDay_SaturdayHolidayUnderMondayOnly_MovesNothing()
    {
        BusinessCalendar calendar = Build(
            Hours(Weekdays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("Independence Day", 7, 4, ObservedRule.MondayOnly)]);

        Assert.True(calendar.IsBusinessDay(Date("2026-07-03")));
        Assert.True(calendar.IsBusinessDay(Date("2026-07-06")));
    }

    [Fact]
    public void IsBusinessDay_NewYearOnSaturday_IsObservedOnTheLastFridayOfThePreviousYear()
    {
        BusinessCalendar calendar = Build(
            Hours(Weekdays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("New Year's Day", 1, 1, ObservedRule.FridayOrMonday)]);

        Assert.False(calendar.IsBusinessDay(Date("2021-12-31")));
    }

    [Fact]
    public void IsBusinessDay_SevenDayCalendarWithSaturdayHoliday_ClosesBothTheHolidayAndTheObservedDay()
    {
        BusinessCalendar calendar = Build(
            Hours(AllDays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("Independence Day", 7, 4, ObservedRule.FridayOrMonday)]);

        Assert.False(calendar.IsBusinessDay(Date("2026-07-03")));
        Assert.False(calendar.IsBusinessDay(Date("2026-07-04")));
        Assert.True(calendar.IsBusinessDay(Date("2026-07-05")));
    }

    [Fact]
    public void IsBusinessDay_FebruaryTwentyNinthHoliday_ExistsOnlyInLeapYears()
    {
        BusinessCalendar calendar = Build(
            Hours(Weekdays, "09:00", "17:00"),
            holidays: [new FixedDateHoliday("Leap day", 2, 29, ObservedRule.None)]);

        Assert.False(calendar.IsBusinessDay(Date("2028-02-29")));
        Assert.True(calendar.IsBusinessDay(Date("2027-03-01")));
    }
}
