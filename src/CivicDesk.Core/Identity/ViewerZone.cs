using NodaTime;

namespace CivicDesk.Core.Identity;

/// <summary>
/// The zone a member of staff sees times in, and whether it is the user's own setting
/// (<paramref name="IsUserSetting"/>) or the jurisdiction's zone, the default.
/// </summary>
public sealed record ViewerZone(DateTimeZone Zone, bool IsUserSetting);
