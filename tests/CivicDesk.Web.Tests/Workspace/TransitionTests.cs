using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Identity;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Issue 4, item 8 through the host: a case pinned to the NYC 311 case type offers, in the staff API and on the
/// case page, only the transitions the user's role may take, asks for the fields each needs, and refuses the rest.
/// </summary>
public abstract class TransitionTests(WorkspaceApp app)
{
    private static readonly Instant Opened = Instant.FromUtc(2020, 5, 4, 14, 0);

    [Fact]
    public async Task Api_GetPinnedCase_ListsOnlyTheTransitionsOfTheRoleWithLabelsAndFields()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        (Guid unpinned, _) = await AddCaseAsync(app, "plumbing", Opened);

        JsonElement asAgent = await JsonAsync(await SignInAsync(app, agent), $"/api/v1/cases/{caseId}");
        HttpClient supervisorClient = await SignInAsync(app, supervisor);
        JsonElement asSupervisor = await JsonAsync(supervisorClient, $"/api/v1/cases/{caseId}");
        JsonElement free = await JsonAsync(supervisorClient, $"/api/v1/cases/{unpinned}");

        Assert.Equal(["acknowledge", "start_work", "refer"], Ids(asAgent));
        Assert.Equal(["acknowledge", "start_work", "cancel", "refer"], Ids(asSupervisor));
        JsonElement cancel = asSupervisor.GetProperty("transitions")[2];
        Assert.Equal("cancelled", cancel.GetProperty("to").GetString());
        Assert.Equal("Cancelada", cancel.GetProperty("label").GetProperty("es").GetString());
        Assert.Equal("cancel_reason", cancel.GetProperty("required_fields")[0].GetString());
        Assert.Equal("nyc-311", asAgent.GetProperty("case_type").GetProperty("key").GetString());
        Assert.DoesNotContain(
            "cancelled", asAgent.GetProperty("next_statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, free.GetProperty("transitions").ValueKind);
        Assert.Equal(JsonValueKind.Null, free.GetProperty("case_type").ValueKind);
        Assert.Contains("cancelled", free.GetProperty("next_statuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Api_PostTransition_RefusesRoleAndMissingFieldByNameThenTakesItWithItsFields()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        HttpClient client = await SignInAsync(app, agent);
        string status = $"/api/v1/cases/{caseId}/status";

        HttpResponseMessage role = await PostJsonAsync(client, status, "\"1\"",
            """{"transition":"cancel","fields":{"cancel_reason":"duplicate"}}""");
        HttpResponseMessage missing = await PostJsonAsync(client, status, "\"1\"", """{"status":"referred"}""");
        HttpResponseMessage referred = await PostJsonAsync(client, status, "\"1\"",
            """{"transition":"refer","fields":{"referred_to":"NYS Department of Labor"},"note":"Sent on."}""");
        JsonElement after = await JsonAsync(client, $"/api/v1/cases/{caseId}");

        Assert.Equal((HttpStatusCode.BadRequest, "transition"), (role.StatusCode, await FirstFieldAsync(role)));
        Assert.Equal((HttpStatusCode.BadRequest, "fields.referred_to"),
            (missing.StatusCode, await FirstFieldAsync(missing)));
        Assert.Equal(HttpStatusCode.OK, referred.StatusCode);
        Assert.Equal("referred", after.GetProperty("status").GetString());
        JsonElement taken = after.GetProperty("timeline")[1].GetProperty("transition");
        Assert.Equal("refer", taken.GetProperty("id").GetString());
        Assert.Equal("NYS Department of Labor", taken.GetProperty("fields").GetProperty("referred_to").GetString());
        Assert.Equal(0, after.GetProperty("transitions").GetArrayLength());
    }

    [Theory]
    [InlineData("en", "Reason for the hold", "Needed to move the case to: On hold")]
    [InlineData("es", "Motivo de la espera", "Necesario para pasar el caso a: En espera")]
    public async Task Page_Agent_OffersOnlyItsTransitionsWithLabelledFields(string culture, string label, string hint)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        HttpClient agentClient = await SignInAsync(app, agent);
        string path = $"/staff/cases/{caseId}";
        await PostFormAsync(agentClient, path, "status", ("Status.Version", "1"), ("Status.Transition", "acknowledge"));

        string asAgent = WebUtility.HtmlDecode(await GetHtmlAsync(agentClient, $"{path}?culture={culture}"));
        string asSupervisor = await GetHtmlAsync(await SignInAsync(app, supervisor), path);

        Assert.Equal(["start_work", "put_on_hold", "close", "refer"], Options(asAgent));
        Assert.Equal(["start_work", "put_on_hold", "close", "cancel", "refer"], Options(asSupervisor));
        Assert.Contains($"for=\"fields.hold_reason\">{label}</label>", asAgent, StringComparison.Ordinal);
        Assert.Contains(hint, asAgent, StringComparison.Ordinal);
        Assert.Contains("name=\"Status.Fields[hold_reason]\"", asAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Status.Status\"", asAgent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Needed to move the case to: Cancelled. Choose the reason that applies.")]
    [InlineData("es", "Necesario para pasar el caso a: Cancelada. Elija el motivo que corresponda.")]
    public async Task Page_FieldWithAHintOfItsOwn_ShowsTwoSentences(string culture, string hint)
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();

        string html = WebUtility.HtmlDecode(
            await GetHtmlAsync(await SignInAsync(app, supervisor), $"/staff/cases/{caseId}?culture={culture}"));

        Assert.Contains($"id=\"fields.cancel_reason-hint\">{hint}</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_TransitionFieldWithAControlCharacter_IsRefusedNamingTheField()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage refused = await PostJsonAsync(client, $"/api/v1/cases/{caseId}/status", "\"1\"",
            """{"transition":"refer","fields":{"referred_to":"Con\u0000Ed"}}""");
        JsonElement after = await JsonAsync(client, $"/api/v1/cases/{caseId}");

        Assert.Equal((HttpStatusCode.BadRequest, "fields.referred_to"),
            (refused.StatusCode, await FirstFieldAsync(refused)));
        Assert.Equal("new", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Page_NoteWithAControlCharacterInSpanish_IsRefusedInSpanish()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        HttpClient client = await SignInAsync(app, agent);
        string path = $"/staff/cases/{caseId}?culture=es";

        HttpResponseMessage refused = await PostFormAsync(client, path, "note", ("Note.Version", "1"),
            ("Note.Text", "Llamé \u0001 al portero."), ("Note.Visibility", "internal"));
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("#text\">Quite los caracteres que no se pueden guardar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CloseWithoutResolution_IsRefusedLinkingTheFieldAndKeepingWhatWasTyped()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        HttpClient client = await SignInAsync(app, agent);
        string path = $"/staff/cases/{caseId}";
        await PostFormAsync(client, path, "status", ("Status.Version", "1"), ("Status.Transition", "start_work"));

        HttpResponseMessage refused = await PostFormAsync(client, path, "status", ("Status.Version", "2"),
            ("Status.Transition", "close"), ("Status.Fields[hold_reason]", "Waiting for the super."),
            ("Status.Note", "We fixed the boiler."));
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        HttpResponseMessage closed = await PostFormAsync(client, path, "status", ("Status.Version", "2"),
            ("Status.Transition", "close"), ("Status.Fields[resolution]", "Boiler relit; heat restored."));
        string after = WebUtility.HtmlDecode(await GetHtmlAsync(client, path));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("#fields.resolution\">Enter the resolution.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fields.resolution-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">We fixed the boiler.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains(">Waiting for the super.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"close\" selected", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("<dt>Resolution</dt><dd class=\"civicdesk-prewrap\">Boiler relit; heat restored.</dd>", after,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SecondSaveAfterAnotherUsersMove_IsRefusedShowingBothAndKeepingTheTypedFields()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string ben, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddPinnedCaseAsync();
        string path = $"/staff/cases/{caseId}";
        HttpClient anaClient = await SignInAsync(app, ana);
        string anaPage = await GetHtmlAsync(anaClient, path);

        HttpResponseMessage benSave = await PostFormAsync(await SignInAsync(app, ben), path, "status",
            ("Status.Version", "1"), ("Status.Transition", "start_work"));
        HttpResponseMessage anaSave = await PostWithTokenAsync(anaClient, path, Token(anaPage), "status",
            ("Status.Version", "1"), ("Status.Transition", "refer"), ("Status.Fields[referred_to]", "Con Edison"));
        string refused = WebUtility.HtmlDecode(await anaSave.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Redirect, benSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, anaSave.StatusCode);
        Assert.Contains("<td>In progress</td>", refused, StringComparison.Ordinal);
        Assert.Contains("<td>Referred to another agency</td>", refused, StringComparison.Ordinal);
        Assert.Contains("Agency the case is referred to: Con Edison", refused, StringComparison.Ordinal);
        Assert.Contains(">Con Edison</textarea>", refused, StringComparison.Ordinal);
        Assert.Equal("2", HiddenValue(refused, "Status.Version"));
    }

    private async Task<(Guid Id, string Reference)> AddPinnedCaseAsync()
    {
        PinnedCaseType pin = await NycCaseTypeAsync(app);
        return await AddCaseAsync(app, "heat-hot-water", Opened, caseType: pin);
    }

    private static string[] Ids(JsonElement details) =>
        [.. details.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private static string[] Options(string html)
    {
        int start = html.IndexOf("name=\"Status.Transition\"", StringComparison.Ordinal);
        int end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        return [.. System.Text.RegularExpressions.Regex.Matches(html[start..end], "<option value=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)];
    }

    private static async Task<string?> FirstFieldAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("field").GetString();

    private static async Task<HttpResponseMessage> PostJsonAsync(
        HttpClient client,
        string path,
        string ifMatch,
        string body)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}

public sealed class TransitionTestsSqlite(WorkspaceSqliteApp app) : TransitionTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class TransitionTestsPostgres(WorkspacePostgresApp app) : TransitionTests(app),
    IClassFixture<WorkspacePostgresApp>;
