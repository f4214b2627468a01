using System.Text.Json;
using CivicDesk.Core.Data;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// The workflow library's <see cref="CaseType"/> for a case's pin (jurisdiction, key, version, hash): the stored
/// version is loaded once through <see cref="CaseTypeFiles.Load"/> and kept in <see cref="CaseTypeCache"/> by its
/// content hash. A stored row whose hash differs from the pin, or whose content no longer loads to that hash,
/// is unusable: it is logged by id (no case data) and the answer is null, so the caller refuses rather than
/// working the case by rules it was not pinned to.
/// </summary>
public sealed class PinnedCaseTypes(
    CivicDeskDbContext db,
    CaseTypeCache cache,
    ILogger<PinnedCaseTypes> logger)
{
    public async Task<CaseType?> ForPinAsync(
        Guid jurisdictionId,
        PinnedCaseType pin,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (cache.Find(pin.ContentHash) is { } cached)
        {
            return cached;
        }

        CaseTypeVersion? stored = await db.CaseTypeVersions.AsNoTracking().SingleOrDefaultAsync(
            v => v.JurisdictionId == jurisdictionId && v.Key == pin.Key && v.Version == pin.Version,
            cancellationToken);
        if (stored is null)
        {
            Cases.Log.PinnedCaseTypeMissing(logger, pin.Key, pin.Version);
            return null;
        }

        if (stored.ContentHash != pin.ContentHash)
        {
            Cases.Log.PinnedCaseTypeUnusable(logger, stored.Id, pin.Key, pin.Version, "hash_differs_from_pin");
            return null;
        }

        Dictionary<string, string> files =
            JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Files) ?? [];
        CaseTypeRead read = CaseTypeFiles.Load($"{stored.Key}.v{stored.Version}.yaml", stored.Content, files);
        if (read.CaseType is not { } loaded)
        {
            Cases.Log.PinnedCaseTypeUnusable(logger, stored.Id, pin.Key, pin.Version, "does_not_load");
            return null;
        }

        if (loaded.ContentHash != stored.ContentHash)
        {
            Cases.Log.PinnedCaseTypeUnusable(logger, stored.Id, pin.Key, pin.Version, "content_hash_differs");
            return null;
        }

        return cache.Add(loaded);
    }
}
