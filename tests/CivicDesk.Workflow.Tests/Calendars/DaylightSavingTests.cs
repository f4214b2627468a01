using CivicDesk.Workflow.Calendars;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Calendars;

/// <summary>
/// Open spans that cross a daylight-saving change last their real elapsed time. London changes at 01:00 UTC:
/// 2025-03-30 (01:00 GMT becomes 02:00 BST) and 2025-10-26 (02:00 BST becomes 01:00 GMT).
/// </summary>
public sealed class DaylightSavingTests
{
    private const string London = "Europe/London";

    [Fact]
    public void OpenIntervalsOn_NightShiftOnSpringForward_LastsThreeHours()
    {
        BusinessCalendar nights = Build(Hours(AllDays, "00:00", "04:00"), London);

        Interval shift = Assert.Single(nights.OpenIntervalsOn(Date("2025-03-30")));

        Assert.Equal(Duration.FromHours(3), shift.Duration);
    }

    [Fact]
    public void OpenIntervalsOn_NightShiftOnFallBack_LastsFiveHours()
    {
        BusinessCalendar nights = Build(Hours(AllDays, "00:00", "04:00"), London);

        Interval shift = Assert.Single(nights.OpenIntervalsOn(Date("2025-10-26")));

        Assert.Equal(Duration.FromHours(5), shift.Duration);
    }

    [Fact]
    public void AddBusinessTime_FourHoursFromSpringForwardMidnight_CarriesOneHourToTheNextNight()
    {
        BusinessCalendar nights = Build(Hours(AllDays, "00:00", "04:00"), London);

        Instant due = nights.AddBusinessTime(At("2025-03-30 00:00", London), Duration.FromHours(4));

        Assert.Equal(At("2025-03-31 01:00", London), due);
    }

    [Fact]
    public void OpenIntervalsOn_OpeningInsideTheSkippedHour_OpensWhenTheGapEnds()
    {
        BusinessCalendar calendar = Build(Hours(AllDays, "01:30", "03:00"), London);

        Interval open = Assert.Single(calendar.OpenIntervalsOn(Date("2025-03-30")));

        Assert.Equal(Utc("2025-03-30T01:00:00Z"), open.Start);
        Assert.Equal(Utc("2025-03-30T02:00:00Z"), open.End);
    }

    [Fact]
    public void OpenIntervalsOn_ClosingInsideTheRepeatedHour_ClosesAtItsSecondOccurrence()
    {
        BusinessCalendar calendar = Build(Hours(AllDays, "00:00", "01:30"), London);

        Interval open = Assert.Single(calendar.OpenIntervalsOn(Date("2025-10-26")));

        Assert.Equal(Utc("2025-10-25T23:00:00Z"), open.Start);
        Assert.Equal(Utc("2025-10-26T01:30:00Z"), open.End);
    }

    [Fact]
    public void AddBusinessTime_OfficeHoursOverNewYorkSpringForward_KeepsWallClockDeadline()
    {
        BusinessCalendar office = Office();

        Instant due = office.AddBusinessTime(At("2025-03-07 17:00"), Duration.FromHours(2));

        Assert.Equal(At("2025-03-10 09:00"), due);
        Assert.Equal(Utc("2025-03-10T13:00:00Z"), due);
    }
}
