using System.Globalization;
using System.Text;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.AddStaffUser;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Sla;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// What a staff journey works on, stored through the product's own use cases: a supervisor of the sanitation
/// department, and NYC 311 history imported the way the demo imports it, so the open cases carry the demo case
/// type's clocks.
/// </summary>
internal static class StaffSeed
{
    public const string Password = "a long browser test passphrase";

    private static readonly string[] Columns =
    [
        "Unique Key", "Created Date", "Closed Date", "Resolution Action Updated Date", "Due Date", "Complaint Type",
        "Agency", "Agency Name", "Open Data Channel Type", "Status", "Resolution Description", "Incident Address",
        "BBL", "Incident Zip", "Latitude", "Longitude", "Descriptor", "Location Type",
    ];

    private static readonly LocalDateTimePattern SourceTime =
        LocalDateTimePattern.Create("MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);

    public static async Task AddSupervisorAsync(IServiceProvider services, string userName)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        AddStaffUser request = new(userName, userName + " Supervisor", StaffRole.Supervisor, ["DSNY"], Password, null);
        Result<StaffUserAdded> added = await scope.ServiceProvider.GetRequiredService<AddStaffUserHandler>()
            .HandleAsync(request, Actor.System, TestContext.Current.CancellationToken);
        Assert.True(added.IsSuccess, added.Error?.ToString());
    }

    /// <summary>An agent of the sanitation department with a one-time password, which this returns.</summary>
    public static async Task<string> AddOneTimeAgentAsync(IServiceProvider services, string userName)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        AddStaffUser request = new(userName, userName + " Agent", StaffRole.Agent, ["DSNY"], null, null);
        Result<StaffUserAdded> added = await scope.ServiceProvider.GetRequiredService<AddStaffUserHandler>()
            .HandleAsync(request, Actor.System, TestContext.Current.CancellationToken);
        Assert.True(added.IsSuccess, added.Error?.ToString());
        return added.Value.OneTimePassword!;
    }

    /// <summary>
    /// Imports two open sanitation cases: <paramref name="lateKey"/>, opened three weeks ago and long past its
    /// 5 business days, and <paramref name="riskKey"/>, opened an hour ago and marked at risk.
    /// </summary>
    public static async Task ImportCasesAsync(IServiceProvider services, string lateKey, string riskKey)
    {
        await ImportOpenCasesAsync(services, [(lateKey, Duration.FromDays(21)), (riskKey, Duration.FromHours(1))]);

        // The host runs no timer poller, so no warning fires: mark the new case's clock as its warning would.
        Guid risky = await CaseIdAsync(services, riskKey);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        await db.CaseSlaClocks.Where(k => k.CaseId == risky && k.ClockId == "resolution")
            .ExecuteUpdateAsync(k => k.SetProperty(c => c.State, SlaClockStates.AtRisk),
                TestContext.Current.CancellationToken);
    }

    /// <summary>Imports open sanitation cases, each opened <c>Age</c> ago, the way the demo imports history.</summary>
    public static async Task ImportOpenCasesAsync(
        IServiceProvider services,
        IReadOnlyList<(string Key, Duration Age)> rows)
    {
        DateTimeZone newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        Instant now = TimeProvider.System.GetCurrentInstant();
        StringBuilder csv = new(string.Join(',', Columns) + "\n");
        foreach ((string key, Duration age) in rows)
        {
            string created = SourceTime.Format((now - age).InZone(newYork).LocalDateTime);
            csv.Append(key).Append(',').Append(created)
                .Append(",,,,Dirty Condition,DSNY,Department of Sanitation,ONLINE,Open,,1 Centre Street,,")
                .Append("10007,40.7127,-74.0059,Trash,Street\n");
        }

        string file = Path.Combine(Path.GetTempPath(), $"civicdesk-browser-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), TestContext.Current.CancellationToken);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        Result<ImportSummary> imported = await scope.ServiceProvider.GetRequiredService<ImportCasesHandler>()
            .HandleAsync(
                new ImportCases(RepositoryPaths.Samples("imports", "nyc311.json"), file, file + ".rejected.csv"),
                TestContext.Current.CancellationToken);
        Assert.True(imported.IsSuccess, imported.Error?.ToString());
        Assert.Equal(rows.Count, imported.Value.Clocks.Cases);
    }

    /// <summary>The opaque id of the case imported under <paramref name="key"/>.</summary>
    public static async Task<Guid> CaseIdAsync(IServiceProvider services, string key)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.Where(c => c.SourceKey == key).Select(c => c.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}
