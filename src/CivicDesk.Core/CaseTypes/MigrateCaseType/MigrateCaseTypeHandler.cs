using System.Collections.Immutable;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.CaseTypes.MigrateCaseType;

/// <summary>
/// The one way open cases change case type version: explicit, previewed, audited. Cases move in batches, each
/// its own transaction, and each case gets a timeline entry; closed cases keep the version they were worked by.
/// A case edited by someone else during the run is read again and moved in its current state. The counts
/// returned are those read before moving.
/// Limitation: after three such conflicts in one run the migration stops with an error; running it again
/// finishes it, since moved cases are no longer on the old version.
/// </summary>
public sealed class MigrateCaseTypeHandler(
    CivicDeskDbContext db,
    PinnedCaseTypes caseTypes,
    TimeProvider time,
    ILogger<MigrateCaseTypeHandler> logger)
{
    private const int BatchSize = 500;
    private const int ConflictRetries = 3;

    private static readonly CaseStatus[] OpenStatuses = [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];

    public async Task<Result<CaseTypeMigration>> HandleAsync(
        MigrateCaseType request,
        CancellationToken cancellationToken)
    {
        var jurisdiction = await db.Jurisdictions.Where(j => j.Code == request.JurisdictionCode)
            .Select(j => new { j.Id }).SingleOrDefaultAsync(cancellationToken);
        if (jurisdiction is null)
        {
            return new NotFound($"Jurisdiction '{request.JurisdictionCode}'");
        }

        CaseTypeVersion? target = await db.CaseTypeVersions.AsNoTracking().SingleOrDefaultAsync(
            v => v.JurisdictionId == jurisdiction.Id && v.Key == request.Key && v.Version == request.ToVersion,
            cancellationToken);
        if (request.ToVersion <= request.FromVersion || target is null)
        {
            return ValidationFailed.Single(
                "to_version",
                "not_published",
                $"Version {request.ToVersion} of {request.Key} is not published "
                + $"or is not above {request.FromVersion}.");
        }

        ValidationFailed? unmappable = await CheckMappingAsync(jurisdiction.Id, request, target, cancellationToken);
        if (unmappable is not null)
        {
            return unmappable;
        }

        Dictionary<CaseStatus, int> open = await CountOpenAsync(jurisdiction.Id, request, cancellationToken);
        (Dictionary<CaseStatus, CaseStatus>? map, ValidationFailed? invalid) = ReadMap(request.StateMap, open);
        if (map is null)
        {
            return invalid!;
        }

        List<StateMove> moves =
            [.. open.OrderBy(o => o.Key).Select(o => new StateMove(o.Key.ToCode(), map[o.Key].ToCode(), o.Value))];
        if (!request.Preview)
        {
            await MoveAllAsync(jurisdiction.Id, request, target.Pin, map, cancellationToken);
            await AuditAsync(target, request, moves, cancellationToken);
            Log.CaseTypeMigrated(logger, moves.Sum(m => m.Cases), request.Key, request.FromVersion, request.ToVersion);
        }

        return new CaseTypeMigration(request.Key, request.FromVersion, request.ToVersion, moves, request.Preview);
    }

    /// <summary>
    /// The workflow library's check of the mapping against both versions: every open or paused state of the old
    /// version mapped, to a state the new version declares and that is not closed. Each problem is an error of
    /// <c>map</c> (the command line's option) whose message names the state.
    /// </summary>
    private async Task<ValidationFailed?> CheckMappingAsync(
        Guid jurisdictionId,
        MigrateCaseType request,
        CaseTypeVersion target,
        CancellationToken cancellationToken)
    {
        PinnedCaseType? fromPin = await db.CaseTypeVersions.AsNoTracking()
            .Where(v => v.JurisdictionId == jurisdictionId && v.Key == request.Key && v.Version == request.FromVersion)
            .Select(v => new PinnedCaseType(v.Key, v.Version, v.ContentHash))
            .SingleOrDefaultAsync(cancellationToken);
        if (fromPin is null)
        {
            return ValidationFailed.Single("from_version", "not_published",
                $"Version {request.FromVersion} of {request.Key} is not published.");
        }

        CaseType? from = await caseTypes.ForPinAsync(jurisdictionId, fromPin, cancellationToken);
        CaseType? to = await caseTypes.ForPinAsync(jurisdictionId, target.Pin, cancellationToken);
        if (from is null || to is null)
        {
            return ValidationFailed.Single(from is null ? "from_version" : "to_version", "case_type_unavailable",
                "The stored case type version cannot be loaded; ask an administrator to check the server log.");
        }

        ImmutableArray<StateMappingProblem> problems = StateMapping.Check(from, to, request.StateMap);
        return problems.IsEmpty
            ? null
            : new ValidationFailed([.. problems.Select(p => new FieldError(
                p.FromState.Length == 0 ? "to_version" : "map", "invalid_mapping", p.Message))]);
    }

    private static (Dictionary<CaseStatus, CaseStatus>? Map, ValidationFailed? Invalid) ReadMap(
        IReadOnlyDictionary<string, string> stateMap,
        Dictionary<CaseStatus, int> open)
    {
        List<FieldError> errors = [];
        Dictionary<CaseStatus, CaseStatus> map = [];
        foreach ((string from, string to) in stateMap)
        {
            if (!CaseStatusExtensions.TryParseCode(from, out CaseStatus source) || !source.IsOpen())
            {
                errors.Add(new FieldError("map", "unknown_state", $"'{from}' is not an open state."));
            }
            else if (!CaseStatusExtensions.TryParseCode(to, out CaseStatus destination))
            {
                errors.Add(new FieldError("map", "unknown_state", $"'{to}' is not a state."));
            }
            else
            {
                map[source] = destination;
            }
        }

        string[] unmapped = [.. open.Keys.Where(s => !map.ContainsKey(s)).Order().Select(s => s.ToCode())];
        if (unmapped.Length > 0)
        {
            errors.Add(new FieldError(
                "map",
                "unmapped_state",
                $"Open cases are in {string.Join(", ", unmapped)}; say which state each goes to."));
        }

        return errors.Count == 0 ? (map, null) : (null, new ValidationFailed(errors));
    }

    private async Task<Dictionary<CaseStatus, int>> CountOpenAsync(
        Guid jurisdictionId,
        MigrateCaseType request,
        CancellationToken cancellationToken)
    {
        var counts = await Pinned(jurisdictionId, request)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Status, c => c.Cases);
    }

    private IQueryable<Case> Pinned(Guid jurisdictionId, MigrateCaseType request) =>
        db.Cases.Where(c => c.JurisdictionId == jurisdictionId
            && c.CaseTypeKey == request.Key
            && c.CaseTypeVersion == request.FromVersion
            && OpenStatuses.Contains(c.Status));

    private async Task MoveAllAsync(
        Guid jurisdictionId,
        MigrateCaseType request,
        PinnedCaseType to,
        Dictionary<CaseStatus, CaseStatus> map,
        CancellationToken cancellationToken)
    {
        for (int conflicts = 0; ;)
        {
            List<Case> batch = await Pinned(jurisdictionId, request)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            Instant now = time.GetCurrentInstant();
            foreach (Case moving in batch)
            {
                // A state the preview did not see (a case reopened meanwhile) keeps its state.
                CaseStatus status = map.GetValueOrDefault(moving.Status, moving.Status);
                db.CaseEvents.Add(moving.MoveToCaseType(to, status, request.Actor, time.NewId(), now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= ConflictRetries)
            {
                // Someone edited a case of this batch meanwhile: the batch is read again and moved as it is now.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task AuditAsync(
        CaseTypeVersion target,
        MigrateCaseType request,
        List<StateMove> moves,
        CancellationToken cancellationToken)
    {
        Instant now = time.GetCurrentInstant();
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), now, request.Actor, "casetype.migrated", "case_type_version", target.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                key = request.Key,
                fromVersion = request.FromVersion,
                toVersion = request.ToVersion,
                moves = moves.Select(m => new { from = m.From, to = m.To, cases = m.Cases }),
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
