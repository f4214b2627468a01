using System.Globalization;
using CivicDesk.Core.Data;

namespace CivicDesk.Web.Errors;

/// <summary>What every route says when a write gave up waiting for the database (503), in every format.</summary>
internal static class BusyAnswer
{
    public const string Title = "The service is busy; nothing was saved. Please send the same request again shortly.";

    /// <summary>The <c>Retry-After</c> value: whole seconds, rounded up.</summary>
    public static string RetryAfterSeconds(DatabaseBusyException busy)
    {
        ArgumentNullException.ThrowIfNull(busy);
        return ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
