using System.Net;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Identity;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>With the workspace in Spanish, catalogue texts and case type field codes are shown in Spanish.</summary>
public abstract class SpanishWorkspaceTests(WorkspaceApp app)
{
    private static readonly Instant Opened = Instant.FromUtc(2021, 2, 8, 14, 0);

    [Fact]
    public async Task QueueAndCasePage_InSpanish_ShowTheCatalogueTranslations()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        CaseAnswers answers = CaseAnswers.From(new Dictionary<string, IReadOnlyList<string>>
        {
            ["descriptor"] = ["APARTMENT ONLY"],
        });
        (Guid caseId, string reference) = await AddCaseAsync(app, "heat-hot-water", Opened, answers: answers);
        HttpClient client = await SignInAsync(app, ana);

        string queue = WebUtility.HtmlDecode(
            await GetHtmlAsync(client, "/staff?created_from=2021-02-08&created_to=2021-02-08&culture=es"));
        string page = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains(reference, queue, StringComparison.Ordinal);
        Assert.Contains(">Calefacción o agua caliente</td>", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Heat or hot water", queue, StringComparison.Ordinal);
        Assert.Contains("<dd>Calefacción o agua caliente (heat-hot-water)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>¿Cuál es el problema?</dt><dd>Solo el apartamento</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Cola principal de HPD", page, StringComparison.Ordinal);
        Assert.Contains("<dt>What is the problem?</dt><dd>Apartment only</dd>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingForm_InSpanish_NamesDepartmentsAndQueuesInSpanish()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened);
        HttpClient client = await SignInAsync(app, supervisor);

        string page = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains("<option value=\"DOT\">DOT · Departamento de Transporte</option>", page,
            StringComparison.Ordinal);
        Assert.Contains("<option value=\"main\">main · Cola principal de DOT</option>", page,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Department of Transportation", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"DOT\">DOT · Department of Transportation</option>", english,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelReason_InSpanish_OffersLabelsAndSubmitsTheCodes()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        PinnedCaseType pin = await NycCaseTypeAsync(app);
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened, caseType: pin);
        HttpClient client = await SignInAsync(app, supervisor);

        string page = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains("<option value=\"resident_request\">A petición del residente</option>", page,
            StringComparison.Ordinal);
        Assert.Contains("<option value=\"not_a_city_matter\">No es un asunto de la Ciudad</option>", page,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Uno de: duplicate", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"duplicate\">Duplicate of another request</option>", english,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusWords_InBothLanguages_AgreeWithTheCaseTypeStateLabels()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        PinnedCaseType pin = await NycCaseTypeAsync(app);
        CaseType type = await CaseTypeAsync(app, pin);
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Opened, caseType: pin);
        HttpClient client = await SignInAsync(app, ana);

        string queue = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff?culture=es"));
        string english = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff?culture=en"));
        string page = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));

        // The queue's status filters say what the case type's states say ("Nueva", not "Nuevo").
        foreach (CaseState state in type.States)
        {
            Assert.Contains($"for=\"status-{state.Id}\">{state.Label.Es}</label>", queue, StringComparison.Ordinal);
            Assert.Contains($"for=\"status-{state.Id}\">{state.Label.En}</label>", english, StringComparison.Ordinal);
        }

        Assert.Contains($"<span class=\"usa-tag\">{type.State(type.Initial)!.Label.Es}</span>", page,
            StringComparison.Ordinal);
    }
}

public sealed class SpanishWorkspaceTestsSqlite(WorkspaceSqliteApp app) : SpanishWorkspaceTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class SpanishWorkspaceTestsPostgres(WorkspacePostgresApp app) : SpanishWorkspaceTests(app),
    IClassFixture<WorkspacePostgresApp>;
