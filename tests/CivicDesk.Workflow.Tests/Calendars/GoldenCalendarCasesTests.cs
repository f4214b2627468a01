using CivicDesk.Workflow.Calendars;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Calendars;

/// <summary>
/// The golden calendar cases of issue 4 (item 9) that need only a calendar. The paused clock with a changed
/// target is in <c>Sla.GoldenClockCasesTests</c>. Week of 2025-06-02 (a Monday) in New York unless stated.
/// </summary>
public sealed class GoldenCalendarCasesTests
{
    [Fact]
    public void AddBusinessTime_FourHoursFromMondayFivePm_IsDueTuesdayElevenWithWarningAtTen()
    {
        BusinessCalendar office = Office();

        Instant due = office.AddBusinessTime(At("2025-06-02 17:00"), Duration.FromHours(4));
        Instant warning = office.SubtractBusinessTime(due, Duration.FromHours(1));

        Assert.Equal(At("2025-06-03 11:00"), due);
        Assert.Equal(Utc("2025-06-03T15:00:00Z"), due);
        Assert.Equal(At("2025-06-03 10:00"), warning);
    }

    [Fact]
    public void AddBusinessTime_ThreeHoursFromNoonWithLunchBreak_IsDueMondayFour()
    {
        BusinessCalendar calendar = Build(Hours(Weekdays, "09:00", "18:00", Range("13:00", "14:00")));

        Instant due = calendar.AddBusinessTime(At("2025-06-02 12:00"), Duration.FromHours(3));

        Assert.Equal(At("2025-06-02 16:00"), due);
    }

    [Fact]
    public void AddBusinessTime_TuesdaysOnlyTwoHoursFromMondayTen_IsDueTuesdayTen()
    {
        BusinessCalendar calendar = Build(Hours([IsoDayOfWeek.Tuesday], "08:00", "17:00"));

        Instant due = calendar.AddBusinessTime(At("2025-06-02 10:00"), Duration.FromHours(2));

        Assert.Equal(At("2025-06-03 10:00"), due);
    }

    [Fact]
    public void AddBusinessDays_TenFollowingDaysFromThursdayBeforeChristmas_IsCloseOfJanuarySixth()
    {
        BusinessCalendar calendar = WinterHolidays();

        Instant due = calendar.AddBusinessDays(At("2025-12-18 10:00"), 10, BusinessDayCounting.FollowingDays);

        Assert.Equal(At("2026-01-06 17:00"), due);
        Assert.Equal(Utc("2026-01-06T22:00:00Z"), due);
    }

    [Fact]
    public void AddBusinessDays_TenDaysIncludingStartDay_IsCloseOfJanuaryFifth()
    {
        BusinessCalendar calendar = WinterHolidays();

        Instant due = calendar.AddBusinessDays(At("2025-12-18 10:00"), 10, BusinessDayCounting.IncludingStartDay);

        Assert.Equal(At("2026-01-05 17:00"), due);
    }

    [Fact]
    public void AddBusinessDays_IncludingStartDayOpenedAfterClose_DoesNotCountTheStartDay()
    {
        BusinessCalendar calendar = WinterHolidays();

        Instant due = calendar.AddBusinessDays(At("2025-12-18 17:30"), 10, BusinessDayCounting.IncludingStartDay);

        Assert.Equal(At("2026-01-06 17:00"), due);
    }

    [Fact]
    public void AddCalendarTime_EightHoursOverLondonSpringForward_IsHalfPastEightSummerTime()
    {
        BusinessCalendar always = Build(Hours(AllDays, "00:00", "24:00"), "Europe/London");
        Instant start = At("2025-03-29 23:30", "Europe/London");

        Instant elapsed = BusinessCalendar.AddCalendarTime(start, Duration.FromHours(8));
        Instant business = always.AddBusinessTime(start, Duration.FromHours(8));

        Assert.Equal(At("2025-03-30 08:30", "Europe/London"), elapsed);
        Assert.Equal(Utc("2025-03-30T07:30:00Z"), elapsed);
        Assert.Equal(elapsed, business);
    }

    private static BusinessCalendar WinterHolidays() => Build(
        Hours(Weekdays, "09:00", "17:00"),
        holidays:
        [
            new FixedDateHoliday("Christmas Day", 12, 25, ObservedRule.FridayOrMonday),
            new FixedDateHoliday("Day after Christmas", 12, 26, ObservedRule.None),
            new FixedDateHoliday("New Year's Day", 1, 1, ObservedRule.FridayOrMonday),
        ]);
}
