using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicDesk.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CivicDeskDbContext>
{
    public CivicDeskDbContext CreateDbContext(string[] args)
    {
        DbContextOptionsBuilder<CivicDeskDbContext> builder = new();
        DataServiceCollectionExtensions.Configure(
            builder,
            new DatabaseOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = "Data Source=:memory:" });
        return new CivicDeskDbContext(builder.Options);
    }
}
