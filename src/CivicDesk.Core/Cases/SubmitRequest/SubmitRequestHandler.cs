using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Data.Inserts;
using CivicDesk.Core.Files;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Cases.SubmitRequest;

/// <summary>
/// Turns a request from any channel into a case. Validates against the service's questions, normalises,
/// honours the submission key, routes and triages it (its case type's tables, else the jurisdiction's policy), and
/// stores the case, its first timeline event, the routing decision, its contact, its photos and the audit entry
/// in one transaction. The receipt exists only after that commit.
/// </summary>
public sealed class SubmitRequestHandler(
    CivicDeskDbContext db,
    IFileStore files,
    CatalogCache catalog,
    CaseTypeResolver caseTypes,
    CaseRouter router,
    SlaTimerScheduler timers,
    TimeProvider time,
    ILogger<SubmitRequestHandler> logger)
{
    private const int ReferenceAttempts = 5;

    public async Task<Result<SubmitRequestReceipt>> HandleAsync(
        SubmitRequest request,
        CancellationToken cancellationToken)
    {
        Jurisdiction? jurisdiction = await catalog.GetOrLoadAsync(
            $"jurisdiction:{request.JurisdictionId}",
            token => db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JurisdictionId, token),
            cancellationToken);
        if (jurisdiction is null)
        {
            return new NotFound("Jurisdiction");
        }

        string? submissionKey = string.IsNullOrWhiteSpace(request.SubmissionKey) ? null : request.SubmissionKey.Trim();
        if (CheckLookupKeys(submissionKey, request.ServiceCode) is ValidationFailed unusable)
        {
            return unusable;
        }

        SubmitRequestReceipt? seen = submissionKey is null
            ? null
            : await FindSubmittedAsync(jurisdiction.Id, submissionKey, cancellationToken);
        if (seen is not null)
        {
            return seen;
        }

        ServiceDefinition? definition = await LoadServiceAsync(jurisdiction.Id, request.ServiceCode, cancellationToken);
        if (definition is null)
        {
            return ValidationFailed.Single("service_code", "not_found", "No service has this code.");
        }

        ValidatedRequest valid = RequestValidator.Validate(request, jurisdiction, definition.Service);
        if (valid.Errors.Count > 0)
        {
            Log.RequestRejected(logger, valid.Errors.Count);
            return new ValidationFailed(valid.Errors);
        }

        return await StoreAsync(request, jurisdiction, definition, valid, submissionKey, cancellationToken);
    }

    /// <summary>The submission key and service code are looked up before validation, so are checked first.</summary>
    private static ValidationFailed? CheckLookupKeys(string? submissionKey, string? serviceCode)
    {
        if (submissionKey?.Length > 100)
        {
            return ValidationFailed.Single(
                "submission_key", "too_long", "The submission key may hold at most 100 characters.");
        }

        // PostgreSQL refuses a NUL even in a query parameter, so such a key must never reach a query.
        FieldError? unreadable = TextCharacters.Check("submission_key", submissionKey)
            ?? TextCharacters.Check("service_code", serviceCode);
        return unreadable is null ? null : new ValidationFailed([unreadable]);
    }

    private async Task<Result<SubmitRequestReceipt>> StoreAsync(
        SubmitRequest request,
        Jurisdiction jurisdiction,
        ServiceDefinition definition,
        ValidatedRequest valid,
        string? submissionKey,
        CancellationToken cancellationToken)
    {
        Service service = definition.Service;
        Guid caseId = time.NewId();
        PinnedCaseType? caseType = await caseTypes.ForServiceAsync(jurisdiction.Id, service.Code, cancellationToken);
        List<CaseAttachment> attachments = await SavePhotosAsync(caseId, valid.Photos, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            Instant now = time.GetCurrentInstant();
            RoutingOutcome? routed = await router.RouteAsync(
                jurisdiction, service, definition.QueueId, valid.Answers, caseType, now, cancellationToken);
            NewCase details = new(
                caseId, jurisdiction.Id, service.Id, routed?.DepartmentId ?? service.DepartmentId,
                routed?.QueueId ?? definition.QueueId, ReferenceNumbers.New(), request.Channel, valid.Description,
                valid.Location, valid.Answers, submissionKey, now)
            {
                MediaUrl = valid.MediaUrl,
                CaseType = caseType,
                Priority = routed?.Priority,
                Language = request.Language,
            };
            (Case created, CaseEvent first) = Case.Submit(details, request.Actor, time.NewId());
            List<object> rows = [created, first];
            if (routed is not null)
            {
                rows.Add(created.RecordRouting(routed.Data, time.NewId()));
            }

            rows.AddRange(await timers.NewCaseRowsAsync(created, first, cancellationToken));
            rows.AddRange(attachments);
            if (!valid.Contact.IsEmpty)
            {
                rows.Add(new CaseContact(
                    caseId, valid.Contact.FirstName, valid.Contact.LastName, valid.Contact.Email, valid.Contact.Phone));
            }

            rows.Add(new AuditEntry(time.NewId(), now, request.Actor, "case.created", "case", caseId)
            {
                Detail = JsonSerializer.Serialize(new
                {
                    reference = created.Reference,
                    service = service.Code,
                    channel = request.Channel.ToString(),
                    photos = attachments.Count,
                    priority = created.Priority,
                }),
            });
            try
            {
                await InsertOnlySave.InsertAsync(db, rows, cancellationToken);
                Log.CaseSubmitted(logger, caseId, request.Channel);
                return new SubmitRequestReceipt(caseId, created.Reference, AlreadySubmitted: false);
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                db.ChangeTracker.Clear();
                if (submissionKey is not null
                    && await FindSubmittedAsync(jurisdiction.Id, submissionKey, cancellationToken) is { } raced)
                {
                    return raced;
                }

                Log.ReferenceCollided(logger, attempt);
            }
        }
    }

    private async Task<SubmitRequestReceipt?> FindSubmittedAsync(
        Guid jurisdictionId,
        string submissionKey,
        CancellationToken cancellationToken)
    {
        var existing = await db.Cases.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId && c.SubmissionKey == submissionKey)
            .Select(c => new { c.Id, c.Reference })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return null;
        }

        Log.SubmissionRepeated(logger, existing.Id);
        return new SubmitRequestReceipt(existing.Id, existing.Reference, AlreadySubmitted: true);
    }

    private async Task<ServiceDefinition?> LoadServiceAsync(
        Guid jurisdictionId,
        string? code,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        // Trimmed outside the query: a method call inside it would be compiled anew on every execution.
        string serviceCode = code.Trim();
        return await catalog.GetOrLoadAsync(
            $"service:{jurisdictionId}:{serviceCode}",
            async token =>
            {
                Service? service = await db.Services.AsNoTracking()
                    .Include(s => s.Questions).ThenInclude(q => q.Options)
                    .SingleOrDefaultAsync(
                        s => s.JurisdictionId == jurisdictionId && s.Code == serviceCode && s.IsActive,
                        token);
                if (service is null)
                {
                    return null;
                }

                Guid queueId = await db.Queues.Where(q => q.DepartmentId == service.DepartmentId)
                    .OrderBy(q => q.Code).Select(q => q.Id).FirstAsync(token);
                return new ServiceDefinition(service, queueId);
            },
            cancellationToken);
    }

    private async Task<List<CaseAttachment>> SavePhotosAsync(
        Guid caseId,
        IReadOnlyList<SanitizedPhoto> photos,
        CancellationToken cancellationToken)
    {
        List<CaseAttachment> saved = [];
        foreach (SanitizedPhoto photo in photos)
        {
            Guid id = time.NewId();
            string key = $"cases/{caseId:N}/{id:N}";

            // Limitation: the file is written before the case commits, so a failed commit leaves an
            // orphan file. A sweep of keys without a row would lift this.
            await files.SaveAsync(key, photo.Content, cancellationToken);
            string sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo.Content.Span));
            saved.Add(new CaseAttachment(
                id, caseId, photo.FileName, photo.ContentType, photo.Content.Length, sha256, key,
                time.GetCurrentInstant()));
        }

        return saved;
    }
}

/// <summary>An active service with its questions, and the queue its new cases land in.</summary>
internal sealed record ServiceDefinition(Service Service, Guid QueueId);
