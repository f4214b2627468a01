using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using static CivicDesk.Core.Tests.Imports.ImportTestSupport;

namespace CivicDesk.Core.Tests.Imports;

public sealed class ConcurrentImportTests
{
    private const int Rows = 3000;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_SameFileTwiceAtOnce_InsertsEachCaseOnce(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, NycMapping, await new SyntheticNycFile().Row("6000000").WriteAsync());
        SyntheticNycFile file = new();
        for (int i = 0; i < Rows; i++)
        {
            file.Row((7000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        string path = await file.WriteAsync();

        Result<ImportSummary>[] runs = await Task.WhenAll(
            TryImportAsync(database, new ImportCases(NycMapping, path, TempFile(".csv"))),
            TryImportAsync(database, new ImportCases(NycMapping, path, TempFile(".csv"))));

        Assert.All(runs, run => Assert.True(run.IsSuccess, run.Error?.ToString()));
        Assert.Equal(Rows, runs.Sum(r => r.Value.Inserted));
        Assert.Equal(Rows, runs.Sum(r => r.Value.AlreadyPresent));
        Assert.All(runs, run => Assert.Equal(0, run.Value.Rejected));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(Rows + 1, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2 * (Rows + 1), await db.CaseEvents.CountAsync(TestContext.Current.CancellationToken));
    }
}
