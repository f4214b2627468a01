namespace CivicDesk.Core.Cases;

/// <summary>
/// Doubts about a record that came from another system. The record is kept as it arrived; the flag lets
/// staff find and review it.
/// </summary>
[Flags]
public enum DataQualityFlags
{
    None = 0,

    /// <summary>The source says the case closed before it was created.</summary>
    ClosedBeforeCreated = 1,

    /// <summary>A ZIP code such as 00000 or 99999 that stands for "unknown".</summary>
    PlaceholderZip = 2,

    /// <summary>The coordinates lie outside the jurisdiction.</summary>
    OutsideJurisdiction = 4,

    /// <summary>Text that was decoded with the wrong character set upstream (for example â€™ for ').</summary>
    MisdecodedText = 8,

    /// <summary>A local time that occurs twice or never because of a daylight-saving change.</summary>
    AmbiguousLocalTime = 16,

    /// <summary>A value that could not be read is kept only in the source data.</summary>
    UnreadableValue = 32,
}
