using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Calendars.ListCalendars;

/// <summary>The published versions of a jurisdiction's calendars, by key then version.</summary>
public sealed class ListCalendarsHandler(CivicDeskDbContext db)
{
    public async Task<Result<IReadOnlyList<CalendarListItem>>> HandleAsync(
        string jurisdictionCode,
        CancellationToken cancellationToken)
    {
        Guid? jurisdictionId = await db.Jurisdictions.Where(j => j.Code == jurisdictionCode)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (jurisdictionId is null)
        {
            return new NotFound($"Jurisdiction '{jurisdictionCode}'");
        }

        List<CalendarListItem> items = await db.Calendars.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId)
            .Select(c => new CalendarListItem(c.Key, c.Version, c.ContentHash, c.PublishedAt, c.PublishedBy))
            .ToListAsync(cancellationToken);
        return items.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Version).ToList();
    }
}

public sealed record CalendarListItem(
    string Key,
    int Version,
    string ContentHash,
    Instant PublishedAt,
    string PublishedBy);
