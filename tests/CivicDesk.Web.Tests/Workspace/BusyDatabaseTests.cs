using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// A staff change that waits longer than <c>Database:WriteWaitTimeout</c> for the other writers of the SQLite file
/// is answered 503 with <c>Retry-After</c> and problem details, and changes nothing.
/// </summary>
public sealed class BusyDatabaseTests(BusyDatabaseApp app) : IClassFixture<BusyDatabaseApp>
{
    [Fact]
    public async Task ChangeStatus_OtherWritersHoldTheFilePastTheTimeout_Answers503WithRetryAfterAndChangesNothing()
    {
        (string user, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 6, 1, 12, 0));
        HttpClient client = await SignInAsync(app, user);
        string cases = $"/api/v1/cases/{caseId}";

        // Another process holds SQLite's write lock; a writer of this process takes the write gate and waits for
        // that lock inside SQLite, so the staff change waits at the gate.
        await using SqliteConnection other = new(app.Database.ConnectionString);
        await other.OpenAsync(Ct);
        await using (SqliteCommand begin = new("BEGIN IMMEDIATE;", other))
        {
            await begin.ExecuteNonQueryAsync(Ct);
        }

        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        db.AuditEntries.Add(new AuditEntry(
            Guid.NewGuid(), SystemClock.Instance.GetCurrentInstant(), Actor.System, "test.hold", "test", null));
        Task<int> holder = Task.Run(() => db.SaveChangesAsync(Ct), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);

        HttpResponseMessage response = await PostStatusAsync(client, cases);
        await using (SqliteCommand rollback = new("ROLLBACK;", other))
        {
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        JsonElement problem = await ReadJsonAsync(response);
        Assert.Equal(1, await holder);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/busy", problem.GetProperty("type").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        JsonElement after = await ReadJsonAsync(await client.GetAsync(new Uri(cases, UriKind.Relative), Ct));
        Assert.Equal(("new", 1), (after.GetProperty("status").GetString(), after.GetProperty("version").GetInt32()));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostStatusAsync(HttpClient client, string cases)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(cases + "/status", UriKind.Relative))
        {
            Content = new StringContent("""{"status":"closed","note":"Done."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await client.SendAsync(request, Ct);
    }
}

/// <summary>A workspace host on SQLite whose writers give up after one second at the write gate.</summary>
public sealed class BusyDatabaseApp() : WorkspaceApp(DatabaseProviders.Sqlite)
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Database:WriteWaitTimeout", "00:00:01"), ("Database:WriteWaitLogAfter", "00:00:00.200")];
}
