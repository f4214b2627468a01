using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.TrackRequest;

/// <summary>
/// Finds a request by its reference number and returns its public part: status, service, when it was
/// submitted, the public timeline and its photos. An unknown reference and a reference of another
/// jurisdiction both answer <see cref="NotFound"/>.
/// </summary>
public sealed class TrackRequestHandler(CivicDeskDbContext db, IFileStore files)
{
    /// <summary>The language of imported text: the NYC and Los Angeles 311 records are in English.</summary>
    private const string ImportedLanguage = "en";

    public async Task<Result<PublicRequestView>> HandleAsync(TrackRequest query, CancellationToken cancellationToken)
    {
        FoundCase? found = await FindAsync(query.JurisdictionCode, query.Reference, cancellationToken);
        if (found is null)
        {
            return new NotFound("Request");
        }

        Case item = found.Case;
        Service service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == item.ServiceId, cancellationToken);
        string nameKey = CatalogTextKeys.ServiceName(service.Code);
        Translations texts = await Translations.LoadAsync(
            db, item.JurisdictionId, query.Culture, cancellationToken, [nameKey]);
        var rows = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == item.Id && e.Visibility == EventVisibility.Public)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { View = new PublicEventView(e.At, e.Kind, e.ActorKind, e.FromStatus, e.ToStatus, e.Text),
                e.ActorLabel })
            .ToListAsync(cancellationToken);

        // The importers write "import:<source>" as the actor; every source imported so far keeps English records.
        List<PublicEventView> events = [.. rows.Select(r =>
            r.ActorLabel.StartsWith("import:", StringComparison.Ordinal)
                ? r.View with { TextLanguage = ImportedLanguage }
                : r.View)];

        // An imported record may say it closed before it was created; its creation still comes first, with
        // both times shown as recorded. The sort is stable, so every other event keeps its order by time.
        List<PublicEventView> timeline = [.. events.OrderBy(e => e.Kind == CaseEventKind.Created ? 0 : 1)];
        List<PublicPhotoView> photos = await db.CaseAttachments.AsNoTracking()
            .Where(a => a.CaseId == item.Id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new PublicPhotoView(a.Id, a.FileName, a.ContentType, a.Length))
            .ToListAsync(cancellationToken);

        return new PublicRequestView(
            item.Reference, item.Status, service.Code, texts.Get(nameKey, service.Name), item.CreatedAt,
            found.TimeZoneId, item.Description, item.Address, item.ZipCode, item.Latitude, item.Longitude,
            timeline, photos)
        {
            ImportedWithDoubts = item.SourceSystem is not null && item.Quality != DataQualityFlags.None,
            DescriptionLanguage = item.SourceSystem is not null ? ImportedLanguage : null,
        };
    }

    /// <summary>Opens one photo of the request with this reference; any other photo id answers not found.</summary>
    public async Task<Result<PublicPhotoContent>> OpenPhotoAsync(
        string jurisdictionCode,
        string reference,
        Guid photoId,
        CancellationToken cancellationToken)
    {
        FoundCase? found = await FindAsync(jurisdictionCode, reference, cancellationToken);
        CaseAttachment? photo = found is null
            ? null
            : await db.CaseAttachments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == photoId && a.CaseId == found.Case.Id, cancellationToken);
        Stream? content = photo is null ? null : await files.OpenReadAsync(photo.StorageKey, cancellationToken);
        if (photo is null || content is null)
        {
            return new NotFound("Photo");
        }

        return new PublicPhotoContent(photo.FileName, photo.ContentType, content);
    }

    private async Task<FoundCase?> FindAsync(
        string jurisdictionCode,
        string reference,
        CancellationToken cancellationToken)
    {
        string[] candidates = Candidates(reference);
        if (candidates.Length == 0)
        {
            return null;
        }

        var matches = await db.Cases.AsNoTracking()
            .Join(db.Jurisdictions, c => c.JurisdictionId, j => j.Id, (c, j) => new { Case = c, j.Code, j.TimeZoneId })
            .Where(x => x.Code == jurisdictionCode && candidates.Contains(x.Case.Reference))
            .ToListAsync(cancellationToken);

        // The form closest to what was typed wins when an imported key and a new reference both match.
        var best = matches.OrderBy(x => Array.IndexOf(candidates, x.Case.Reference)).FirstOrDefault();
        return best is null ? null : new FoundCase(best.Case, best.TimeZoneId);
    }

    private static string[] Candidates(string typed)
    {
        string compact = new(typed.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length is 0 or > 40)
        {
            return [];
        }

        string withoutHyphen = compact.Replace("-", string.Empty, StringComparison.Ordinal);
        string[] forms = [compact, ReferenceNumbers.Normalize(compact)];
        return withoutHyphen.All(char.IsAsciiDigit) ? [.. forms, withoutHyphen] : forms.Distinct().ToArray();
    }

    private sealed record FoundCase(Case Case, string TimeZoneId);
}
