using CivicDesk.Core.Data;
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
