using CivicDesk.Workflow.Sla;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Sla;

public sealed class ViewerTimeTests
{
    [Theory]
    [InlineData("America/New_York", "2025-06-03 11:00 -04:00")]
    [InlineData("Europe/London", "2025-06-03 16:00 +01:00")]
    [InlineData("Asia/Kolkata", "2025-06-03 20:30 +05:30")]
    [InlineData("Etc/UTC", "2025-06-03 15:00 +00:00")]
    public void Format_OneDeadline_ShowsTheViewersLocalTimeWithItsOffset(string zone, string expected)
    {
        Instant deadline = Utc("2025-06-03T15:00:00Z");

        Assert.Equal(expected, ViewerTime.Format(deadline, DateTimeZoneProviders.Tzdb[zone]));
    }

    [Fact]
    public void Format_WinterDeadlineInNewYork_UsesTheStandardTimeOffset()
    {
        Instant deadline = Utc("2026-01-06T22:00:00Z");

        Assert.Equal("2026-01-06 17:00 -05:00", ViewerTime.Format(deadline, DateTimeZoneProviders.Tzdb[NewYork]));
    }
}
