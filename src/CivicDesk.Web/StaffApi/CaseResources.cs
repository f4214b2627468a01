using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Sla;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Web.StaffApi;

/// <summary>The JSON shapes of the staff API: snake_case names, UTC instants in ISO 8601, codes for enums.</summary>
internal static class CaseResources
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static object Page(CaseListPage page) => new
    {
        Items = page.Items.Select(Item).ToArray(),
        page.Total,
        page.Page,
        page.PageSize,
        page.PageCount,
    };

    public static object Item(CaseListItem item) => new
    {
        item.Id,
        item.Reference,
        Status = item.Status.ToCode(),
        item.ServiceCode,
        item.ServiceName,
        item.DepartmentCode,
        item.Priority,
        item.AssigneeId,
        item.AssigneeName,
        CreatedAt = Iso(item.CreatedAt),
        UpdatedAt = Iso(item.UpdatedAt),
        Quality = Flags(item.Quality),
        item.SourceSystem,
        item.Version,
    };

    public static object Details(CaseDetails details)
    {
        Case c = details.Case;
        return new
        {
            c.Id,
            c.Reference,
            Status = c.Status.ToCode(),
            c.StatusNote,
            details.ServiceCode,
            details.ServiceName,
            details.DepartmentCode,
            details.QueueCode,
            c.Priority,
            c.AssigneeId,
            details.AssigneeName,
            Channel = c.Channel.ToString().ToLowerInvariant(),
            c.Description,
            Location = new { c.Latitude, c.Longitude, c.Address, c.AddressId, c.ZipCode },
            Answers = details.Answers.ToDictionary(a => a.Code, a => a.Values),
            CreatedAt = Iso(c.CreatedAt),
            UpdatedAt = Iso(c.UpdatedAt),
            ClosedAt = c.ClosedAt is Instant closed ? Iso(closed) : null,
            Quality = Flags(c.Quality),
            Source = c.SourceSystem is null ? null : new { System = c.SourceSystem, Key = c.SourceKey,
                Data = c.SourceData },
            details.HasContact,
            Photos = details.Photos.Select(p => new { p.Id, p.ContentType, p.Length }).ToArray(),
            Timeline = details.Timeline.Select(Entry).ToArray(),
            NextStatuses = details.NextStatuses.Select(s => s.ToCode()).ToArray(),
            CaseType = details.CaseType is { } pin ? new { pin.Key, pin.Version } : null,
            Transitions = details.Transitions?.Select(Transition).ToArray(),
            Clocks = details.Clocks.Select(Clock).ToArray(),
            c.Version,
        };
    }

    private static object Transition(TransitionChoice t) => new
    {
        t.Id,
        To = t.To.ToCode(),
        Label = new { t.Label.En, t.Label.Es },
        t.RequiredFields,
    };

    /// <summary>A clock now: state code, deadline in UTC, and used and remaining time in whole seconds.</summary>
    private static object Clock(SlaClockView clock) => new
    {
        Id = clock.ClockId,
        clock.State,
        Deadline = clock.Deadline is Instant deadline ? Iso(deadline) : null,
        WarningAt = clock.WarningAt is Instant warning ? Iso(warning) : null,
        UsedSeconds = (long)clock.Used.TotalSeconds,
        RemainingSeconds = (long)clock.Remaining.TotalSeconds,
        Measure = clock.BusinessTime ? "business_time" : "elapsed_time",
        Calendar = new { Key = clock.CalendarKey, Version = clock.CalendarVersion },
    };

    private static object Entry(TimelineEntry e) => new
    {
        e.Id,
        Kind = CaseListQueryParser.Code(e.Kind),
        At = Iso(e.At),
        Actor = new { Kind = e.ActorKind.ToString().ToLowerInvariant(), e.ActorLabel, Name = e.ActorName },
        Visibility = e.Visibility.ToString().ToLowerInvariant(),
        e.Text,
        FromStatus = e.FromStatus?.ToCode(),
        ToStatus = e.ToStatus?.ToCode(),
        e.AssigneeName,
        Routing = e.Decision is { } decision ? Decision(decision) : null,
        Override = e.Override is { } changed ? new
        {
            From = Placement(changed.From),
            To = Placement(changed.To),
            changed.AssigneeCleared,
            Overrides = e.RelatedEventId,
        } : null,
        OverriddenBy = e.OverriddenBy.Count > 0 ? e.OverriddenBy : null,
        Transition = e.Transition is { } taken ? new { Id = taken.Transition, taken.Fields } : null,
        DeadlineMoved = e.DeadlineMoved is { } moved ? new
        {
            moved.Clock,
            From = Iso(moved.From),
            To = Iso(moved.To),
            Calendar = new { Key = moved.Calendar, moved.Version },
        } : null,
    };

    private static object Decision(RoutingDecisionView decision) => new
    {
        RuleSet = new { Id = decision.RuleSetId, Version = decision.RuleSetVersion, decision.ContentHash },
        decision.AsOf,
        Inputs = JsonSerializer.Deserialize<JsonElement>(decision.InputsJson),
        Applied = new { decision.Department, decision.Queue, decision.Priority },
        decision.Fallbacks,
        Fired = decision.FiredRows.Select(r => new { r.Table, r.Row }).ToArray(),
    };

    private static object Placement(RoutingPlacement placement) =>
        new { placement.Department, placement.Queue, placement.Priority };

    private static string[] Flags(DataQualityFlags flags) =>
        Enum.GetValues<DataQualityFlags>()
            .Where(f => f != DataQualityFlags.None && flags.HasFlag(f))
            .Select(CaseListQueryParser.FlagCode)
            .ToArray();

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
