using CivicDesk.Workflow.Calendars;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Calendars;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2025-06-02 08:00", true)]
    [InlineData("2025-06-02 07:59", false)]
    [InlineData("2025-06-02 17:59", true)]
    [InlineData("2025-06-02 18:00", false)]
    [InlineData("2025-06-02 13:30", false)]
    [InlineData("2025-06-07 10:00", false)]
    public void IsOpen_AroundHoursAndLunch_IsOpenOnlyInsideOpenSpans(string local, bool expected)
    {
        BusinessCalendar calendar = Build(Hours(Weekdays, "08:00", "18:00", Range("13:00", "14:00")));

        Assert.Equal(expected, calendar.IsOpen(At(local)));
    }

    [Fact]
    public void AddBusinessTime_EndingExactlyAtClose_IsDueAtTheClose()
    {
        Instant due = Office().AddBusinessTime(At("2025-06-02 14:00"), Duration.FromHours(4));

        Assert.Equal(At("2025-06-02 18:00"), due);
    }

    [Fact]
    public void AddBusinessTime_StartingOutsideHours_CountsFromTheNextOpening()
    {
        Instant due = Office().AddBusinessTime(At("2025-06-07 03:00"), Duration.FromMinutes(90));

        Assert.Equal(At("2025-06-09 09:30"), due);
    }

    [Fact]
    public void SubtractBusinessTime_WarningOneHourBeforeNineAm_FallsAtTheOpeningNotAtYesterdaysClose()
    {
        BusinessCalendar office = Office();
        Instant due = office.AddBusinessTime(At("2025-06-02 17:00"), Duration.FromHours(2));

        Instant warning = office.SubtractBusinessTime(due, Duration.FromHours(1));

        Assert.Equal(At("2025-06-03 09:00"), due);
        Assert.Equal(At("2025-06-03 08:00"), warning);
        Assert.True(office.IsOpen(warning));
    }

    [Fact]
    public void SubtractBusinessTime_FromADeadlineAtNight_LandsInsideTheLastOpenSpan()
    {
        Instant warning = Office().SubtractBusinessTime(At("2025-06-03 02:00"), Duration.FromMinutes(30));

        Assert.Equal(At("2025-06-02 17:30"), warning);
    }

    [Fact]
    public void BusinessTimeBetween_OverNightInEitherOrder_CountsOnlyOpenTime()
    {
        BusinessCalendar office = Office();

        Duration forward = office.BusinessTimeBetween(At("2025-06-02 17:00"), At("2025-06-03 11:00"));
        Duration backward = office.BusinessTimeBetween(At("2025-06-03 11:00"), At("2025-06-02 17:00"));

        Assert.Equal(Duration.FromHours(4), forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void NextOpening_OnFridayEvening_IsMondayMorning()
    {
        Assert.Equal(At("2025-06-09 08:00"), Office().NextOpening(At("2025-06-06 18:00")));
    }

    [Fact]
    public void IsBusinessDay_WeekendAndWeekday_FollowsTheWeeklyHours()
    {
        BusinessCalendar office = Office();

        Assert.True(office.IsBusinessDay(Date("2025-06-06")));
        Assert.False(office.IsBusinessDay(Date("2025-06-07")));
    }

    [Fact]
    public void AddBusinessTime_AcrossAnInstantClosure_SkipsTheClosedSpan()
    {
        InstantClosure outage = new("Power outage", At("2025-06-02 10:00"), At("2025-06-02 12:00"));
        BusinessCalendar calendar = Build(Hours(Weekdays, "08:00", "18:00"), closures: [outage]);

        Instant due = calendar.AddBusinessTime(At("2025-06-02 09:00"), Duration.FromHours(3));

        Assert.Equal(At("2025-06-02 14:00"), due);
        Assert.False(calendar.IsOpen(At("2025-06-02 11:00")));
    }

    [Fact]
    public void AddBusinessTime_OverADateClosure_SkipsTheWholeDay()
    {
        DateClosure snow = new("Snow day", Date("2025-06-03"));
        BusinessCalendar calendar = Build(Hours(Weekdays, "08:00", "18:00"), closures: [snow]);

        Instant due = calendar.AddBusinessTime(At("2025-06-02 17:00"), Duration.FromHours(2));

        Assert.Equal(At("2025-06-04 09:00"), due);
        Assert.False(calendar.IsBusinessDay(Date("2025-06-03")));
    }

    [Fact]
    public void AddBusinessTime_ZeroAmountOutsideHours_ReturnsTheStart()
    {
        Instant start = At("2025-06-07 03:00");

        Assert.Equal(start, Office().AddBusinessTime(start, Duration.Zero));
    }
}
