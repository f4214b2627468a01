using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Jurisdictions;
using NodaTime;

namespace CivicDesk.Core.Cases;

/// <summary>
/// One request being worked: what was asked, where, by which door, where it stands and who holds it.
/// Every change goes through a method that returns the timeline event recording it.
/// </summary>
public sealed class Case
{
    private Case()
    {
        Reference = string.Empty;
        Answers = CaseAnswers.Empty;
        Language = Notifications.ResidentLanguages.Default;
    }

    private Case(NewCase details)
    {
        Id = details.Id;
        JurisdictionId = details.JurisdictionId;
        ServiceId = details.ServiceId;
        DepartmentId = details.DepartmentId;
        QueueId = details.QueueId;
        Reference = details.Reference;
        Channel = details.Channel;
        Description = details.Description;
        Latitude = details.Location.Point?.Latitude;
        Longitude = details.Location.Point?.Longitude;
        Address = details.Location.Address;
        AddressId = details.Location.AddressId;
        ZipCode = details.Location.ZipCode;
        MediaUrl = details.MediaUrl;
        Answers = details.Answers;
        SubmissionKey = details.SubmissionKey;
        CaseTypeKey = details.CaseType?.Key;
        CaseTypeVersion = details.CaseType?.Version;
        CaseTypeHash = details.CaseType?.ContentHash;
        CreatedAt = details.ReceivedAt;
        UpdatedAt = details.ReceivedAt;
        Priority = details.Priority;
        Language = Notifications.ResidentLanguages.Choose(details.Language);
        Status = CaseStatus.New;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public Guid ServiceId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public Guid QueueId { get; private set; }

    /// <summary>
    /// How urgent the case is: 1 (most urgent) to <see cref="CasePriority.Lowest"/>, set by the jurisdiction's
    /// triage table on submission or by a supervisor's override; null when nothing has triaged it (imported
    /// history, a jurisdiction without a routing policy, or a service the triage table does not decide).
    /// </summary>
    public int? Priority { get; private set; }

    /// <summary>The short number residents and staff quote; unique within the jurisdiction.</summary>
    public string Reference { get; private set; }

    public CaseStatus Status { get; private set; }

    public Channel Channel { get; private set; }

    public string? Description { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? Address { get; private set; }

    public string? AddressId { get; private set; }

    public string? ZipCode { get; private set; }

    /// <summary>A partner's link to media about the problem (Open311 <c>media_url</c>); never fetched.</summary>
    public string? MediaUrl { get; private set; }

    public CaseAnswers Answers { get; private set; }

    /// <summary>
    /// What the public is told about the current status (Open311 <c>status_notes</c>): the note given with
    /// the latest status change, or a public note added since. A status change without a note clears it,
    /// so a note never outlives the status it explained.
    /// </summary>
    public string? StatusNote { get; private set; }

    public Guid? AssigneeId { get; private set; }

    /// <summary>The case type this case is worked by, pinned when it was created; null before case types.</summary>
    public string? CaseTypeKey { get; private set; }

    public int? CaseTypeVersion { get; private set; }

    public string? CaseTypeHash { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant UpdatedAt { get; private set; }

    public Instant? ClosedAt { get; private set; }

    /// <summary>When the agency expects to act (the source's due date for imported cases).</summary>
    public Instant? ExpectedAt { get; private set; }

    /// <summary>Rises by one on every change; a save that names an older version is refused.</summary>
    public int Version { get; private set; }

    public DataQualityFlags Quality { get; private set; }

    /// <summary>For imported cases: the system the record came from, such as <c>nyc311</c>.</summary>
    public string? SourceSystem { get; private set; }

    /// <summary>For imported cases: the record's key in its source system.</summary>
    public string? SourceKey { get; private set; }

    /// <summary>For imported cases: the source columns the mapping did not place, as a JSON object.</summary>
    public string? SourceData { get; private set; }

    /// <summary>The idempotency key a channel sent with the submission, if any.</summary>
    public string? SubmissionKey { get; private set; }

    /// <summary>The language residents are written to in (<c>en</c>, <c>es</c>): the request's, else default.</summary>
    public string Language { get; private set; }

    public GeoPoint? Point =>
        Latitude is double latitude && Longitude is double longitude ? new GeoPoint(latitude, longitude) : null;

    public bool IsOpen => Status.IsOpen();

    public static (Case Case, CaseEvent Created) Submit(NewCase details, Actor actor, Guid eventId)
    {
        Case created = new(details);
        CaseEvent first = new(
            eventId, created.Id, CaseEventKind.Created, details.ReceivedAt, actor, EventVisibility.Public)
        {
            ToStatus = CaseStatus.New,
        };
        return (created, first);
    }

    /// <summary>
    /// The automated routing decision that placed this new case, recorded with it (staff only: it holds the
    /// rule trace). Changes nothing on the case: the decision was applied by <see cref="Submit"/>.
    /// </summary>
    public CaseEvent RecordRouting(string data, Guid eventId) =>
        new(eventId, Id, CaseEventKind.Routed, CreatedAt, Actor.System, EventVisibility.Internal) { Data = data };

    public CaseEvent ChangeStatus(CaseStatus to, string? publicNote, Actor actor, Guid eventId, Instant now)
    {
        CaseEvent changed = new(eventId, Id, CaseEventKind.StatusChanged, now, actor, EventVisibility.Public)
        {
            FromStatus = Status,
            ToStatus = to,
            Text = publicNote,
        };
        Status = to;
        ClosedAt = to.IsOpen() ? null : now;
        StatusNote = string.IsNullOrWhiteSpace(publicNote) ? null : publicNote;

        Touch(now);
        return changed;
    }

    public CaseEvent Assign(Guid? assigneeId, Actor actor, Guid eventId, Instant now)
    {
        CaseEventKind kind = assigneeId is null ? CaseEventKind.Unassigned : CaseEventKind.Assigned;
        CaseEvent assigned = new(eventId, Id, kind, now, actor, EventVisibility.Internal)
        {
            AssigneeId = assigneeId ?? AssigneeId,
        };
        AssigneeId = assigneeId;
        Touch(now);
        return assigned;
    }

    public CaseEvent AddNote(string text, EventVisibility visibility, Actor actor, Guid eventId, Instant now)
    {
        CaseEvent note = new(eventId, Id, CaseEventKind.NoteAdded, now, actor, visibility) { Text = text };
        if (visibility == EventVisibility.Public)
        {
            StatusNote = text;
        }

        Touch(now);
        return note;
    }

    /// <summary>
    /// Moves an open case to another version of its case type, in the state the migration's mapping gives.
    /// </summary>
    public CaseEvent MoveToCaseType(PinnedCaseType to, CaseStatus status, Actor actor, Guid eventId, Instant now)
    {
        CaseEvent moved = new(eventId, Id, CaseEventKind.CaseTypeMigrated, now, actor, EventVisibility.Internal)
        {
            FromStatus = Status,
            ToStatus = status,
            Text = $"{CaseTypeKey} v{CaseTypeVersion} → {to}",
        };
        CaseTypeKey = to.Key;
        CaseTypeVersion = to.Version;
        CaseTypeHash = to.ContentHash;
        Status = status;
        ClosedAt = status.IsOpen() ? null : now;
        Touch(now);
        return moved;
    }

    /// <summary>
    /// A supervisor's change of department, queue and/or priority. Moving the case to another department
    /// clears its assignee, who may not work there. <paramref name="overridden"/> is the automated routing
    /// decision being overridden, if the case has one.
    /// </summary>
    public CaseEvent OverrideRouting(
        Guid departmentId,
        Guid queueId,
        int? priority,
        string reason,
        string data,
        Guid? overridden,
        Actor actor,
        Guid eventId,
        Instant now)
    {
        CaseEvent changed = new(eventId, Id, CaseEventKind.RoutingOverridden, now, actor, EventVisibility.Internal)
        {
            Text = reason,
            Data = data,
            RelatedEventId = overridden,
        };
        if (departmentId != DepartmentId)
        {
            AssigneeId = null;
        }

        DepartmentId = departmentId;
        QueueId = queueId;
        Priority = priority;
        Touch(now);
        return changed;
    }

    /// <summary>
    /// An escalation of the case type ran (written by an SLA timer, actor the system). With a
    /// <paramref name="queueId"/> of the case's department the case moves there and its assignee is cleared, so the
    /// queue's staff pick it up.
    /// </summary>
    public CaseEvent Escalate(string escalationId, Guid? queueId, string data, Guid eventId, Instant now)
    {
        CaseEvent escalated = new(eventId, Id, CaseEventKind.Escalated, now, Actor.System, EventVisibility.Internal)
        {
            Text = escalationId,
            Data = data,
        };
        if (queueId is Guid queue)
        {
            QueueId = queue;
            AssigneeId = null;
        }

        Touch(now);
        return escalated;
    }

    private void Touch(Instant now)
    {
        UpdatedAt = now;
        Version++;
    }
}
