using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicDesk.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a running server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CivicDeskDbContext>
{
    public CivicDeskDbContext CreateDbContext(string[] args)
    {
        DbContextOptionsBuilder<CivicDeskDbContext> builder = new();
        DataServiceCollectionExtensions.Configure(
            builder,
            new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = "Host=localhost" });
        return new CivicDeskDbContext(builder.Options);
    }
}
