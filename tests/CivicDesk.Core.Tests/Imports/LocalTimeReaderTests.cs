using CivicDesk.Core.Imports.ImportCases;
using NodaTime;

namespace CivicDesk.Core.Tests.Imports;

public sealed class LocalTimeReaderTests
{
    private const string Format = "MM/dd/yyyy hh:mm:ss tt";
    private static readonly LocalTimeReader NewYork = new(Format, DateTimeZoneProviders.Tzdb["America/New_York"]);
    private static readonly LocalTimeReader LosAngeles = new(Format, DateTimeZoneProviders.Tzdb["America/Los_Angeles"]);

    [Theory]
    [InlineData("02/28/2023 11:45:00 PM", "2023-03-01T04:45:00Z")]
    [InlineData("07/04/2023 12:00:00 PM", "2023-07-04T16:00:00Z")]
    [InlineData("01/01/2023 12:30:00 AM", "2023-01-01T05:30:00Z")]
    public void TryRead_NewYorkTime_ConvertsThroughTheZonesOffsetOfThatDay(string local, string utc)
    {
        bool read = NewYork.TryRead(local, out Instant instant, out bool ambiguous);

        Assert.True(read);
        Assert.False(ambiguous);
        Assert.Equal(utc, instant.ToString());
    }

    [Fact]
    public void TryRead_LosAngelesJanuaryTime_IsEightHoursBehindUtc()
    {
        LosAngeles.TryRead("01/02/2018 03:15:00 PM", out Instant instant, out bool ambiguous);

        Assert.Equal(Instant.FromUtc(2018, 1, 2, 23, 15), instant);
        Assert.False(ambiguous);
    }

    [Fact]
    public void TryRead_TimeThatOccursTwice_TakesTheEarlierOneAndSaysSo()
    {
        NewYork.TryRead("11/05/2023 01:30:00 AM", out Instant instant, out bool ambiguous);

        Assert.True(ambiguous);
        Assert.Equal(Instant.FromUtc(2023, 11, 5, 5, 30), instant);
    }

    [Fact]
    public void TryRead_TimeSkippedByTheClockChange_MovesForwardByTheGapAndSaysSo()
    {
        LosAngeles.TryRead("03/11/2018 02:30:00 AM", out Instant instant, out bool ambiguous);

        Assert.True(ambiguous);
        Assert.Equal(Instant.FromUtc(2018, 3, 11, 10, 30), instant);
    }

    [Theory]
    [InlineData("2023-02-28 23:45")]
    [InlineData("02/30/2023 10:00:00 AM")]
    [InlineData("13/01/2023 10:00:00 AM")]
    public void TryRead_TextNotInTheFormat_ReturnsFalse(string text)
    {
        Assert.False(NewYork.TryRead(text, out _, out _));
    }
}
