using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.AddStaffUser;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>Drives the workspace as a browser without JavaScript would: GET a page, POST its form back.</summary>
public static partial class StaffBrowser
{
    public const string Password = "a long test passphrase";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> GetHtmlAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Posts the form named <paramref name="handler"/> of the page at <paramref name="path"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string path,
        string handler,
        params (string Name, string Value)[] fields)
    {
        string html = await GetHtmlAsync(client, path);
        return await PostWithTokenAsync(client, path, Token(html), handler, fields);
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(
        HttpClient client,
        string path,
        string token,
        string handler,
        params (string Name, string Value)[] fields)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("__RequestVerificationToken", token),
            new("_handler", handler),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ];
        return client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), Ct);
    }

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public static async Task<HttpClient> SignInAsync(WebAppFixture app, string userName, string password = Password)
    {
        HttpClient client = app.CreateClient();
        HttpResponseMessage response = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A new staff user with a unique name; returns the name and id.</summary>
    public static async Task<(string UserName, Guid Id)> AddUserAsync(
        WebAppFixture app,
        StaffRole role,
        params string[] departments)
    {
        string userName = $"u{Guid.NewGuid():N}"[..12];
        await using AsyncServiceScope scope = app.CreateScope();
        AddStaffUserHandler handler = scope.ServiceProvider.GetRequiredService<AddStaffUserHandler>();
        AddStaffUser request = new(userName, $"Tester {userName}", role, departments, Password, null);
        Result<StaffUserAdded> added = await handler.HandleAsync(request, Actor.System, Ct);
        Assert.True(added.IsSuccess, added.Error?.ToString());
        return (userName, added.Value.UserId);
    }

    /// <summary>Stores a synthetic case of a service, as an import would, and returns its id and reference.</summary>
    public static async Task<(Guid Id, string Reference)> AddCaseAsync(
        WebAppFixture app,
        string serviceCode,
        Instant createdAt,
        DataQualityFlags quality = DataQualityFlags.None,
        PinnedCaseType? caseType = null,
        CaseAnswers? answers = null)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Service service = await db.Services.SingleAsync(s => s.Code == serviceCode, Ct);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Ct);
        NewCase details = new(
            Guid.CreateVersion7(), service.JurisdictionId, service.Id, service.DepartmentId, queue.Id,
            ReferenceNumbers.New(), Channel.Phone, "Synthetic test case",
            new CaseLocation(null, "1 Test Street", null, "00000"), answers ?? CaseAnswers.Empty, null,
            createdAt)
        {
            CaseType = caseType,
        };
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        db.Entry(created).Property(c => c.Quality).CurrentValue = quality;
        await db.SaveChangesAsync(Ct);
        return (created.Id, created.Reference);
    }

    /// <summary>The pin of the NYC 311 case type the host published on its first start.</summary>
    public static async Task<PinnedCaseType> NycCaseTypeAsync(WebAppFixture app)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        List<CaseTypeVersion> versions = await db.CaseTypeVersions.Where(v => v.Key == "nyc-311").ToListAsync(Ct);
        return versions.MaxBy(v => v.Version)!.Pin;
    }

    /// <summary>The loaded case type of a pin, as the product reads it (labels, clocks, escalations).</summary>
    public static async Task<CaseType> CaseTypeAsync(WebAppFixture app, PinnedCaseType pin)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        CaseTypeVersion stored = await db.CaseTypeVersions.SingleAsync(
            v => v.Key == pin.Key && v.Version == pin.Version, Ct);
        PinnedCaseTypes pinned = new(
            db, scope.ServiceProvider.GetRequiredService<CaseTypeCache>(), NullLogger<PinnedCaseTypes>.Instance);
        return await pinned.ForPinAsync(stored.JurisdictionId, pin, Ct)
            ?? throw new InvalidOperationException($"Case type {pin} does not load.");
    }

    public static string HiddenValue(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No hidden field {name}.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
