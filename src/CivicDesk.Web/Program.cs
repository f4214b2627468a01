using CivicDesk.Web.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddCivicDesk();

WebApplication app = builder.Build();
app.UseCivicDesk();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
