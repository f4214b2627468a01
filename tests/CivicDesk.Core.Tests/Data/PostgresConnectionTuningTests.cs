using System.Data.Common;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicDesk.Core.Tests.Data;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void Tuned_PlainConnectionString_PreparesStatementsAndSkipsTheResetOnClose()
    {
        NpgsqlConnectionStringBuilder tuned = new(
            DataServiceCollectionExtensions.Tuned("Host=127.0.0.1;Username=civicdesk;Password=secret"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("127.0.0.1", tuned.Host);
        Assert.Equal("secret", tuned.Password);
        Assert.Equal("-c jit=off", tuned.Options);
    }

    [Fact]
    public void Tuned_ConnectionStringWithOtherOptions_AddsJitOffToThem()
    {
        NpgsqlConnectionStringBuilder tuned = new(
            DataServiceCollectionExtensions.Tuned("Host=db;Options=-c statement_timeout=5000"));

        Assert.Equal("-c statement_timeout=5000 -c jit=off", tuned.Options);
    }

    [Fact]
    public void Tuned_ConnectionStringChoosesJit_KeepsItsChoice()
    {
        NpgsqlConnectionStringBuilder tuned = new(DataServiceCollectionExtensions.Tuned("Host=db;Options=-c jit=on"));

        Assert.Equal("-c jit=on", tuned.Options);
    }

    [Fact]
    public async Task Configure_OnPostgres_TheServerRunsTheSessionWithoutJit()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Postgres);
        await using CivicDeskDbContext db = database.CreateContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SHOW jit";

        object? jit = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        Assert.Equal("off", jit);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=False")]
    public void Tuned_ConnectionStringChoosesTheReset_KeepsIt(string connectionString)
    {
        NpgsqlConnectionStringBuilder tuned = new(DataServiceCollectionExtensions.Tuned(connectionString));

        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Tuned_ConnectionStringTurnsPreparationOff_KeepsItOff()
    {
        NpgsqlConnectionStringBuilder tuned = new(
            DataServiceCollectionExtensions.Tuned("Host=db;Max Auto Prepare=0"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
    }
}
