using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Sla;
using CivicDesk.Workflow.CaseTypes;
using LocalizedText = CivicDesk.Workflow.CaseTypes.LocalizedText;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>
/// Reads one case inside the caller's scope with its whole timeline; outside the scope it is not found.
/// </summary>
public sealed class GetCaseHandler(
    CivicDeskDbContext db,
    StaffScopes scopes,
    CatalogCache catalog,
    CaseTransitions transitions,
    TimeProvider time,
    CaseClocks clocks)
{
    public Task<Result<CaseDetails>> HandleAsync(StaffCaller caller, Guid caseId,
        CancellationToken cancellationToken) =>
        HandleAsync(caller, caseId, null, cancellationToken);

    /// <summary>
    /// The case with the service's name, question labels, option names, department and queue names in the
    /// language of <paramref name="culture"/> where the catalogue translates them, else in their source text.
    /// </summary>
    public async Task<Result<CaseDetails>> HandleAsync(StaffCaller caller, Guid caseId, string? culture,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        Case? found = scope is null
            ? null
            : await scope.Cases(db.Cases.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (scope is null || found is null)
        {
            return new NotFound("Case");
        }

        Service service = await db.Services.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().SingleAsync(s => s.Id == found.ServiceId, cancellationToken);
        Department department = await db.Departments.AsNoTracking()
            .SingleAsync(d => d.Id == found.DepartmentId, cancellationToken);
        string zoneId = await db.Jurisdictions.Where(j => j.Id == found.JurisdictionId)
            .Select(j => j.TimeZoneId).SingleAsync(cancellationToken);
        List<CaseEvent> events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.At).ThenBy(e => e.Kind == CaseEventKind.Created ? 0 : 1).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        Dictionary<Guid, string> names = await NamesAsync(found, events, cancellationToken);
        List<StaffChoice> choices = await ChoicesAsync(scope, found, cancellationToken);
        DepartmentDirectory directory = await DepartmentDirectory.LoadAsync(
            db, catalog, found.JurisdictionId, cancellationToken);
        QueueEntry? queue = directory.ById(found.DepartmentId)?.Queue(found.QueueId);
        List<DepartmentEntry> routable = scope.Role is StaffRole.Supervisor or StaffRole.Administrator
            ? [.. directory.Departments.Where(d => d.Queues.Count > 0)]
            : [];
        Dictionary<Guid, RoutingDecisionView> decisions = events.Where(e => e.Kind == CaseEventKind.Routed)
            .Select(e => (e.Id, Decision: RoutingDecisionView.Read(e.Data)))
            .Where(d => d.Decision is not null)
            .ToDictionary(d => d.Id, d => d.Decision!);
        Translations texts = await CaseTexts.LoadAsync(
            db, service, department.Code, queue?.Code, routable, CaseTexts.RuleRowKeys(decisions.Values), culture,
            cancellationToken);
        ILookup<Guid, Guid> overrides = events.Where(e => e.Kind == CaseEventKind.RoutingOverridden
                && e.RelatedEventId is not null)
            .ToLookup(e => e.RelatedEventId!.Value, e => e.Id);
        CaseWork? work = await transitions.ForAsync(found, time.GetCurrentInstant(), cancellationToken);
        IReadOnlyList<TransitionChoice>? offered =
            work is null ? null : CaseTransitions.Offered(work, found.Status, scope.Role.Held());

        return new CaseDetails(
            found,
            service.Code,
            texts.Get(CatalogTextKeys.ServiceName(service.Code), service.Name),
            department.Code,
            texts.Get(CatalogTextKeys.DepartmentName(department.Code), department.Name),
            found.AssigneeId is Guid assignee ? names.GetValueOrDefault(assignee) : null,
            StaffTimeZones.Resolve(scope.TimeZoneId, zoneId),
            CaseTexts.Answers(service, found.Answers, texts),
            events.Select(e => ToEntry(e, names) with
                {
                    OverriddenBy = [.. overrides[e.Id]],
                    RowLabels = CaseTexts.RowLabels(decisions.GetValueOrDefault(e.Id), texts),
                }).ToList(),
            await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken),
            await db.CaseContacts.AnyAsync(c => c.CaseId == caseId, cancellationToken),
            choices,
            found.AssigneeId is not null && (scope.MayAssignOthers || found.AssigneeId == scope.UserId),
            offered is null
                ? ChangeCaseStatusHandler.NextStatuses(found.Status)
                : [.. offered.Select(t => t.To).Distinct()])
        {
            CaseType = found is { CaseTypeKey: { } key, CaseTypeVersion: int version, CaseTypeHash: { } hash }
                ? new PinnedCaseType(key, version, hash)
                : null,
            Transitions = offered,
            TransitionLabels = work?.Type is { } type
                ? type.Transitions.ToDictionary(t => t.Id, t => type.State(t.To)!.Label, StringComparer.Ordinal)
                : new Dictionary<string, LocalizedText>(),
            QueueCode = queue?.Code ?? string.Empty,
            QueueName = queue is null
                ? string.Empty
                : texts.Get(CatalogTextKeys.QueueName(department.Code, queue.Code), queue.Name),
            DepartmentNameUntranslated =
                CaseTexts.Untranslated(texts, culture, CatalogTextKeys.DepartmentName(department.Code)),
            QueueNameUntranslated = queue is not null
                && CaseTexts.Untranslated(texts, culture, CatalogTextKeys.QueueName(department.Code, queue.Code)),
            RoutingChoices = [.. routable.Select(d => Named(d, texts))],
            UntranslatedRoutingNames = UntranslatedNames(routable, texts, culture),
            Clocks = await clocks.ForCaseAsync(found, events, cancellationToken),
        };
    }

    /// <summary>
    /// A department a supervisor may route the case to, with its name and its queues' in the reader's language
    /// where the catalogue translates them, else in their source text.
    /// </summary>
    private static DepartmentEntry Named(DepartmentEntry department, Translations texts) => department with
    {
        Name = texts.Get(CatalogTextKeys.DepartmentName(department.Code), department.Name),
        Queues =
        [
            .. department.Queues.Select(q =>
                q with { Name = texts.Get(CatalogTextKeys.QueueName(department.Code, q.Code), q.Name) }),
        ],
    };

    /// <summary>
    /// The routing choices left in their source text for want of a translation: department codes, and department
    /// and queue codes joined by a slash.
    /// </summary>
    private static HashSet<string> UntranslatedNames(
        List<DepartmentEntry> routable,
        Translations texts,
        string? culture) =>
    [
        .. routable.Where(d => CaseTexts.Untranslated(texts, culture, CatalogTextKeys.DepartmentName(d.Code)))
            .Select(d => d.Code),
        .. routable.SelectMany(d => d.Queues
            .Where(q => CaseTexts.Untranslated(texts, culture, CatalogTextKeys.QueueName(d.Code, q.Code)))
            .Select(q => $"{d.Code}/{q.Code}")),
    ];

    private async Task<Dictionary<Guid, string>> NamesAsync(
        Case found,
        List<CaseEvent> events,
        CancellationToken cancellationToken)
    {
        Guid[] ids = events.SelectMany(e => new[] { e.ActorId, e.AssigneeId })
            .Append(found.AssigneeId).OfType<Guid>().Distinct().ToArray();
        return await db.StaffUsers.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private async Task<List<StaffChoice>> ChoicesAsync(StaffScope scope, Case found,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> allowed = await AssignmentChoices.ForAsync(db, scope, found, cancellationToken);
        List<Identity.StaffUser> users = await db.StaffUsers.AsNoTracking()
            .Where(u => allowed.Contains(u.Id)).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .ToListAsync(cancellationToken);
        return users.Where(u => u.Id != found.AssigneeId)
            .Select(u => new StaffChoice(u.Id, u.DisplayName, u.Role, u.Id == scope.UserId))
            .ToList();
    }

    private static TimelineEntry ToEntry(CaseEvent e, Dictionary<Guid, string> names) => new(
        e.Id,
        e.Kind,
        e.At,
        e.ActorKind,
        e.ActorLabel,
        e.ActorId is Guid actor ? names.GetValueOrDefault(actor) : null,
        e.Visibility,
        e.Text,
        e.FromStatus,
        e.ToStatus,
        e.AssigneeId is Guid assignee ? names.GetValueOrDefault(assignee) : null)
    {
        Decision = e.Kind == CaseEventKind.Routed ? RoutingDecisionView.Read(e.Data) : null,
        Override = e.Kind == CaseEventKind.RoutingOverridden ? RoutingOverrideView.Read(e.Data) : null,
        RelatedEventId = e.RelatedEventId,
        Transition = e.Kind == CaseEventKind.StatusChanged ? TransitionRecord.Read(e.Data) : null,
        DeadlineMoved = e.Kind == CaseEventKind.SlaDeadlineMoved ? Sla.DeadlineMovedRecord.Read(e.Data) : null,
        Escalation = e.Kind == CaseEventKind.Escalated ? EscalationRecord.Read(e.Data) : null,
    };
}
