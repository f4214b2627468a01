using System.Net;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

public abstract class CasePageTests(WorkspaceApp app)
{
    [Fact]
    public async Task Queue_AgentOfHpd_NeverSeesOrCountsADotCase()
    {
        Instant day = Instant.FromUtc(2019, 6, 3, 15, 0);
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string admin, _) = await AddUserAsync(app, StaffRole.Administrator);
        (Guid hpdId, string hpdRef) = await AddCaseAsync(app, "heat-hot-water", day, DataQualityFlags.PlaceholderZip);
        (Guid dotId, string dotRef) = await AddCaseAsync(app, "street-condition", day);
        HttpClient agentClient = await SignInAsync(app, agent);
        HttpClient adminClient = await SignInAsync(app, admin);
        const string Day = "/staff?created_from=2019-06-03&created_to=2019-06-03";

        string agentQueue = await GetHtmlAsync(agentClient, Day);
        string adminQueue = await GetHtmlAsync(adminClient, Day);
        HttpResponseMessage dotPage = await agentClient.GetAsync(
            new Uri($"/staff/cases/{dotId}", UriKind.Relative), Ct);
        string hpdPage = await GetHtmlAsync(agentClient, $"/staff/cases/{hpdId}");

        Assert.Contains(hpdRef, agentQueue, StringComparison.Ordinal);
        Assert.DoesNotContain(dotRef, agentQueue, StringComparison.Ordinal);
        Assert.Contains(">1 case<", agentQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"DOT\"", agentQueue, StringComparison.Ordinal);
        Assert.Contains(">2 cases<", adminQueue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, dotPage.StatusCode);
        Assert.DoesNotContain(dotRef, await dotPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("The ZIP code is a placeholder such as 00000", hpdPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_BadParameter_AnswersTheFormWithTheErrorNotA500()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(
            new Uri("/staff?page_size=7&created_from=yesterday", UriKind.Relative), Ct);
        string html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Use a date such as 2025-03-01.", html, StringComparison.Ordinal);
        Assert.Contains("yesterday", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSave_AfterAnotherUsersChange_IsRefusedShowingBothValuesAndKeepingTheTypedNote()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string ben, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2019, 7, 1, 12, 0));
        string path = $"/staff/cases/{caseId}";
        HttpClient anaClient = await SignInAsync(app, ana);
        HttpClient benClient = await SignInAsync(app, ben);
        string anaPage = await GetHtmlAsync(anaClient, path);

        HttpResponseMessage benSave = await PostFormAsync(
            benClient, path, "status", ("Status.Version", "1"), ("Status.Status", "in_progress"),
            ("Status.Note", "Plumber booked for Tuesday."));
        HttpResponseMessage anaSave = await PostWithTokenAsync(
            anaClient, path, Token(anaPage), "note", ("Note.Version", HiddenValue(anaPage, "Note.Version")),
            ("Note.Text", "Tenant asks for a morning visit."), ("Note.Visibility", "internal"));
        string refused = await anaSave.Content.ReadAsStringAsync(Ct);
        HttpResponseMessage retry = await PostWithTokenAsync(
            anaClient, path, Token(refused), "note", ("Note.Version", HiddenValue(refused, "Note.Version")),
            ("Note.Text", "Tenant asks for a morning visit."), ("Note.Visibility", "internal"));
        string after = await GetHtmlAsync(anaClient, path);

        Assert.Equal(HttpStatusCode.Redirect, benSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, anaSave.StatusCode);
        Assert.Contains("Changed by someone else", refused, StringComparison.Ordinal);
        Assert.Contains("Plumber booked for Tuesday.", refused, StringComparison.Ordinal);
        Assert.Contains("In progress", refused, StringComparison.Ordinal);
        Assert.Contains(">Tenant asks for a morning visit.</textarea>", refused, StringComparison.Ordinal);
        Assert.Equal("2", HiddenValue(refused, "Note.Version"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Contains("Tenant asks for a morning visit.", after, StringComparison.Ordinal);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Assert.Equal(3, (await db.Cases.SingleAsync(c => c.Id == caseId, Ct)).Version);
        Assert.Equal(3, await db.CaseEvents.CountAsync(e => e.CaseId == caseId, Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TargetId == caseId, Ct));
    }

    [Fact]
    public async Task ShowContact_Pressed_ShowsTheDetailsAndAuditsTheRead()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2019, 8, 1, 12, 0));
        await using (AsyncServiceScope scope = app.CreateScope())
        {
            CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
            db.CaseContacts.Add(new CaseContact(caseId, "Rosa", "Parks", "rosa@example.org", "+12125550142"));
            await db.SaveChangesAsync(Ct);
        }

        HttpClient client = await SignInAsync(app, ana);
        string before = await GetHtmlAsync(client, $"/staff/cases/{caseId}");
        HttpResponseMessage shown = await PostWithTokenAsync(
            client, $"/staff/cases/{caseId}", Token(before), "contact", ("Contact.Show", "true"));

        Assert.DoesNotContain("rosa@example.org", before, StringComparison.Ordinal);
        Assert.Contains("rosa@example.org", await shown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using AsyncServiceScope check = app.CreateScope();
        CivicDeskDbContext audit = check.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        AuditEntry read = await audit.AuditEntries.SingleAsync(a => a.TargetId == caseId, Ct);
        Assert.Equal(("case.contact.read", anaId), (read.Action, read.ActorId!.Value));
    }

    [Fact]
    public async Task CasePage_InSpanish_ShowsTheTimelineInWordsAndLocalTime()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2019, 1, 15, 17, 30));
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));

        Assert.Contains("Solicitud recibida", html, StringComparison.Ordinal);
        Assert.Contains("2019-01-15 12:30 -05:00", html, StringComparison.Ordinal);
        Assert.Contains("El residente no dejó datos de contacto.", html, StringComparison.Ordinal);
    }
}

public sealed class CasePageTestsSqlite(WorkspaceSqliteApp app) : CasePageTests(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class CasePageTestsPostgres(WorkspacePostgresApp app) : CasePageTests(app),
    IClassFixture<WorkspacePostgresApp>;
