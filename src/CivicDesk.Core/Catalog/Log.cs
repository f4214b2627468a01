using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Catalog;

/// <summary>Log messages of the Catalog feature; event ids 4000–4999.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Seeded jurisdiction {JurisdictionCode} with {ServiceCount} services")]
    public static partial void CatalogSeeded(ILogger logger, string jurisdictionCode, int serviceCount);
}
