using System.Net;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// A department an import created from an agency name has no Spanish: Spanish pages mark its name as English and
/// word its standard queues in Spanish.
/// </summary>
public abstract class ImportedDepartmentTests(WorkspaceApp app)
{
    [Fact]
    public async Task CasePage_InSpanish_MarksTheImportedDepartmentNameEnglishAndWordsItsQueueInSpanish()
    {
        (string admin, _) = await AddUserAsync(app, StaffRole.Administrator);
        string code = $"IMP-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        Guid caseId = await AddImportedCaseAsync(code);
        HttpClient client = await SignInAsync(app, admin);

        string spanish = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Matches($@"<dd>{code} · \s*<span lang=""en"">Agency Of Test Things</span>\s*</dd>", spanish);
        Assert.Matches($@"<dd>main · \s*Cola principal de {code}\s*</dd>", spanish);
        Assert.DoesNotMatch($@"<dd>main · \s*{code} main queue", spanish);
        Assert.Matches($@"<dd>{code} · \s*Agency Of Test Things\s*</dd>", english);
        Assert.Matches($@"<dd>main · \s*{code} main queue\s*</dd>", english);
        // In the routing form only the untranslated name is marked: HPD has a Spanish name in the catalogue.
        Assert.Contains($"<option value=\"{code}\" lang=\"en\"", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"HPD\" lang=", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{code}\" lang=", english, StringComparison.Ordinal);
    }

    /// <summary>A department and queues named as the importer names those it creates, and a case in them.</summary>
    private async Task<Guid> AddImportedCaseAsync(string code)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Service service = await db.Services.SingleAsync(s => s.Code == "heat-hot-water", Ct);
        Department department = new(Guid.CreateVersion7(), service.JurisdictionId, code, "Agency Of Test Things");
        Queue queue = new(Guid.CreateVersion7(), department.Id, "main", code + " main queue");
        db.Departments.Add(department);
        db.Queues.Add(queue);
        db.Queues.Add(
            new Queue(Guid.CreateVersion7(), department.Id, "supervisor-review", code + " supervisor review"));
        NewCase details = new(
            Guid.CreateVersion7(), service.JurisdictionId, service.Id, department.Id, queue.Id,
            ReferenceNumbers.New(), Channel.Phone, "Synthetic imported case",
            new CaseLocation(null, "1 Test Street", null, "00000"), CaseAnswers.Empty, null,
            Instant.FromUtc(2026, 1, 5, 14, 0));
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        await db.SaveChangesAsync(Ct);
        return created.Id;
    }
}

public sealed class ImportedDepartmentTestsSqlite(WorkspaceSqliteApp app) : ImportedDepartmentTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class ImportedDepartmentTestsPostgres(WorkspacePostgresApp app) : ImportedDepartmentTests(app),
    IClassFixture<WorkspacePostgresApp>;
