namespace CivicDesk.Core.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public const string SqliteMigrationsAssembly = "CivicDesk.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CivicDesk.Migrations.Postgres";

    internal const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
}
