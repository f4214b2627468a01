using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>Reads what a template may say about a row's case, in the row's language.</summary>
public sealed class NotificationFactsReader(CivicDeskDbContext db, IOptions<NotificationOptions> options)
{
    /// <summary>The path of a request's tracking page; the portal serves it (its <c>Links.Request</c>).</summary>
    public static string TrackingPath(string reference) => $"/requests/{Uri.EscapeDataString(reference)}";

    public async Task<(NotificationFacts Facts, Guid DepartmentId)> ReadAsync(
        Guid caseId,
        string language,
        CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Reference, c.Status, c.ServiceId, c.JurisdictionId, c.DepartmentId })
            .SingleAsync(cancellationToken);
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == found.ServiceId)
            .Select(s => new { s.Code, s.Name })
            .SingleAsync(cancellationToken);
        string serviceKey = CatalogTextKeys.ServiceName(service.Code);
        string jurisdictionKey = CatalogTextKeys.JurisdictionName();
        Dictionary<string, string> translated = await db.LocalizedTexts.AsNoTracking()
            .Where(t => t.JurisdictionId == found.JurisdictionId && t.Culture == language
                && (t.Key == serviceKey || t.Key == jurisdictionKey) && t.Text != "")
            .ToDictionaryAsync(t => t.Key, t => t.Text, StringComparer.Ordinal, cancellationToken);
        string jurisdiction = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.Id == found.JurisdictionId)
            .Select(j => j.Name)
            .SingleAsync(cancellationToken);
        string link = options.Value.TrackingBaseUrl.TrimEnd('/') + TrackingPath(found.Reference);
        NotificationFacts facts = new(
            found.Reference,
            translated.GetValueOrDefault(serviceKey) ?? service.Name,
            found.Status,
            link,
            translated.GetValueOrDefault(jurisdictionKey) ?? jurisdiction);
        return (facts, found.DepartmentId);
    }
}
