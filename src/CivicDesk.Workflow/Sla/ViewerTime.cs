using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Workflow.Sla;

/// <summary>
/// Shows an instant (a deadline, a warning) in the viewer's time zone with its UTC offset, so a supervisor in
/// another zone reads the same moment without doubt: "2025-06-03 11:00 -04:00".
/// </summary>
public static class ViewerTime
{
    private static readonly OffsetDateTimePattern Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm o<+HH:mm>");

    public static OffsetDateTime InZone(Instant at, DateTimeZone viewerZone) =>
        at.InZone(viewerZone).ToOffsetDateTime();

    /// <summary>The invariant, sortable form; pages that want a localised date pass their own pattern.</summary>
    public static string Format(Instant at, DateTimeZone viewerZone) => Pattern.Format(InZone(at, viewerZone));

    public static string Format(Instant at, DateTimeZone viewerZone, string pattern, CultureInfo culture) =>
        OffsetDateTimePattern.Create(pattern, culture, default).Format(InZone(at, viewerZone));
}
