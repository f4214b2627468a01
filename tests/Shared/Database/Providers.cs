using CivicDesk.Core.Data;

namespace CivicDesk.Testing;

/// <summary>The database providers every integration test runs on.</summary>
public static class Providers
{
    public static TheoryData<string> All => new(DatabaseProviders.Sqlite, DatabaseProviders.Postgres);
}
