using NodaTime;

namespace CivicDesk.Core.Common;

public static class TimeProviderExtensions
{
    public static Instant GetCurrentInstant(this TimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>A new time-ordered identifier (UUID version 7) stamped with the provider's clock.</summary>
    public static Guid NewId(this TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());
}
