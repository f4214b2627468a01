using System.Net;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// What the product itself writes on workspace pages is in the reader's language: the note of a moved SLA
/// deadline, the regions of the time-zone list.
/// </summary>
public abstract class LocalisedTimelineTests(WorkspaceApp app)
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 1, 5, 14, 0);

    [Fact]
    public async Task Timeline_InSpanish_WordsAMovedDeadlineInSpanishInTheReadersZone()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened);
        DeadlineMovedRecord moved = new(
            "resolution", Instant.FromUtc(2026, 1, 20, 23, 0), Instant.FromUtc(2026, 1, 21, 23, 0),
            "nyc-business", 2, "America/New_York");
        await AddEventAsync(caseId, CaseEventKind.SlaDeadlineMoved, data: moved.ToJson());
        HttpClient client = await SignInAsync(app, ana);

        string spanish = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains(
            "El plazo del reloj «Resolución» pasó de martes, 20 de enero de 2026, 18:00 (UTC-05:00) a miércoles, "
            + "21 de enero de 2026, 18:00 (UTC-05:00) porque el calendario «Horario hábil de NYC» cambió a la "
            + "versión 2.",
            spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("deadline of", spanish, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(
            "The deadline of the Resolution clock moved from Tuesday, January 20, 2026 6:00 PM (UTC-05:00) to "
            + "Wednesday, January 21, 2026 6:00 PM (UTC-05:00) because the “NYC business hours” calendar changed to "
            + "version 2.",
            english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_MovedDeadlineWrittenBeforeItsFactsWereKept_ShowsItsStoredText()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened);
        const string Old = "deadline of clock resolution moved from 2026-01-20 18:00 -05:00 to 2026-01-21 18:00 -05:00 "
            + "because calendar nyc-business changed to version 2";
        await AddEventAsync(caseId, CaseEventKind.SlaDeadlineMoved, text: Old);
        HttpClient client = await SignInAsync(app, ana);

        string spanish = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));

        Assert.Contains("Plazo de SLA movido", spanish, StringComparison.Ordinal);
        Assert.Contains(Old, spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_InSpanish_NamesTheZoneRegionsInSpanish()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        string spanish = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?culture=en"));

        Assert.Contains("<optgroup label=\"América\">", spanish, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Europa\">", spanish, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Océano Índico\">", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("<optgroup label=\"Europe\">", spanish, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Europe\">", english, StringComparison.Ordinal);
    }

    private async Task AddEventAsync(Guid caseId, CaseEventKind kind, string? text = null, string? data = null)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        db.CaseEvents.Add(new CaseEvent(
            Guid.CreateVersion7(), caseId, kind, Opened + Duration.FromDays(14), Actor.System,
            EventVisibility.Internal)
        {
            Text = text,
            Data = data,
        });
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class LocalisedTimelineTestsSqlite(WorkspaceSqliteApp app) : LocalisedTimelineTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class LocalisedTimelineTestsPostgres(WorkspacePostgresApp app) : LocalisedTimelineTests(app),
    IClassFixture<WorkspacePostgresApp>;
