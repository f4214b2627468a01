using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Every timeline entry the demo case type can produce reads as words in the reader's language: clocks,
/// escalations, calendars, warnings and queues by their labels, never by their codes.
/// </summary>
public abstract partial class TimelineWordingTests(WorkspaceApp app)
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 2, 14, 0);

    // Routing decisions and overrides are worded from their own data (RoutingTests, SpanishWorkspaceTests).
    private static readonly CaseEventKind[] RoutingKinds = [CaseEventKind.Routed, CaseEventKind.RoutingOverridden];

    [Fact]
    public async Task Timeline_EveryEventOfTheDemoCaseType_NamesNoCodeInEitherLanguage()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        PinnedCaseType pin = await NycCaseTypeAsync(app);
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened, caseType: pin);
        CaseType type = await CaseTypeAsync(app, pin);
        List<CaseEvent> events = Events(caseId, type, pin, anaId);
        await SaveAsync(events);
        Assert.Equal(
            Enum.GetValues<CaseEventKind>().Except(RoutingKinds).Order(),
            events.Select(e => e.Kind).Append(CaseEventKind.Created).Distinct().Order());
        string[] codes =
        [
            .. type.Sla.Select(c => c.Clock),
            .. type.Sla.Select(c => c.Calendar),
            .. type.Sla.SelectMany(c => c.Warnings).Select(w => w.Id),
            .. type.Escalations.Select(e => e.Id),
            .. type.Escalations.Select(e => e.ReassignToQueue).OfType<string>(),
            .. Enum.GetNames<CaseEventKind>().Where(n => n.Skip(1).Any(char.IsUpper)),
        ];
        HttpClient client = await SignInAsync(app, ana);

        string spanish = await TimelineAsync(client, caseId, "es");
        string english = await TimelineAsync(client, caseId, "en");

        foreach (string code in codes.Distinct())
        {
            Assert.DoesNotMatch(Code(code), spanish);
            Assert.DoesNotMatch(Code(code), english);
        }

        Assert.Contains(
            "Se aplicó la escalada «Resolución a punto de vencer» al llegar el reloj «Resolución» a su hora de aviso.",
            spanish, StringComparison.Ordinal);
        Assert.Contains("El caso pasó a la cola «Revisión del supervisor».", spanish, StringComparison.Ordinal);
        Assert.Contains("El reloj «Primera respuesta» superó su plazo.", spanish, StringComparison.Ordinal);
        Assert.Contains("Asignación retirada a ", spanish, StringComparison.Ordinal);
        Assert.Contains("Tipo de caso nyc-311: de la versión 1 a la versión 2.", spanish, StringComparison.Ordinal);
        Assert.Contains(
            "The “Resolution deadline passed” escalation ran when the Resolution clock passed its deadline.",
            english, StringComparison.Ordinal);
        Assert.Contains("The First response clock reached its warning time.", english, StringComparison.Ordinal);
        Assert.Contains("because the “NYC business hours” calendar changed", english, StringComparison.Ordinal);
    }

    private static Regex Code(string code) => new($"(?<![\\w-]){Regex.Escape(code)}(?![\\w-])");

    /// <summary>One event of each kind the case type's clocks, escalations and transitions write.</summary>
    private static List<CaseEvent> Events(Guid caseId, CaseType type, PinnedCaseType pin, Guid agent)
    {
        Instant at = Opened + Duration.FromHours(1);
        CaseEvent Event(CaseEventKind kind, string? text = null, string? data = null) =>
            new(Guid.CreateVersion7(), caseId, kind, at, Actor.System, EventVisibility.Internal)
            {
                Text = text,
                Data = data,
            };

        CaseEvent changed = Event(CaseEventKind.StatusChanged);
        (changed.FromStatus, changed.ToStatus) = (CaseStatus.New, CaseStatus.Open);
        CaseEvent migrated = Event(CaseEventKind.CaseTypeMigrated, $"{pin} → {pin.Key} v{pin.Version + 1}");
        (migrated.FromStatus, migrated.ToStatus) = (CaseStatus.Open, CaseStatus.Open);
        CaseEvent assigned = Event(CaseEventKind.Assigned);
        CaseEvent unassigned = Event(CaseEventKind.Unassigned);
        (assigned.AssigneeId, unassigned.AssigneeId) = (agent, agent);
        List<CaseEvent> events =
            [changed, migrated, assigned, unassigned, Event(CaseEventKind.NoteAdded, "Called the landlord.")];
        foreach (SlaTargetDefinition clock in type.Sla)
        {
            events.Add(Event(CaseEventKind.SlaWarning, clock.Clock));
            events.Add(Event(CaseEventKind.SlaBreached, clock.Clock));
            DeadlineMovedRecord moved = new(clock.Clock, at, at + Duration.FromDays(1), clock.Calendar, 2, "UTC");
            events.Add(Event(CaseEventKind.SlaDeadlineMoved, data: moved.ToJson()));
        }

        foreach (Escalation escalation in type.Escalations)
        {
            // The data as the SLA escalations write it (SlaEscalations).
            string data = JsonSerializer.Serialize(new
            {
                escalation = escalation.Id,
                clock = escalation.Clock,
                on = escalation.On == EscalationTrigger.Breach ? "breach" : "warning",
                warning = escalation.Warning,
                reassign_to = escalation.ReassignToQueue,
                reassigned = escalation.ReassignToQueue is null ? (bool?)null : true,
                assignee_cleared = escalation.ReassignToQueue is not null,
                notifications = escalation.Notify.Length,
                timer = Guid.CreateVersion7(),
            });
            events.Add(Event(CaseEventKind.Escalated, escalation.Id, data));
            events.Add(Event(CaseEventKind.Escalated, escalation.Id));
        }

        return events;
    }

    private async Task SaveAsync(List<CaseEvent> events)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        db.CaseEvents.AddRange(events);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The timeline section's text, without its markup.</summary>
    private static async Task<string> TimelineAsync(HttpClient client, Guid caseId, string culture)
    {
        string html = await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture={culture}");
        int start = html.IndexOf("aria-labelledby=\"timeline\"", StringComparison.Ordinal);
        int end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Tags().Replace(html[start..end], " "));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

public sealed class TimelineWordingTestsSqlite(WorkspaceSqliteApp app) : TimelineWordingTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class TimelineWordingTestsPostgres(WorkspacePostgresApp app) : TimelineWordingTests(app),
    IClassFixture<WorkspacePostgresApp>;
