using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.FirstAdministrator;
using CivicDesk.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Workspace;

/// <summary>
/// On a first start (no staff user yet) creates the <c>admin</c> account and prints, once the server
/// listens, one line with where to sign in and the one-time password. The line goes to the console only.
/// </summary>
public static class FirstAdministratorStartup
{
    public static async Task EnsureFirstAdministratorAsync(
        this WebApplication app,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        CivicDeskDbContext db = services.GetRequiredService<CivicDeskDbContext>();
        List<Guid> jurisdictions = await db.Jurisdictions.OrderBy(j => j.Code).Select(j => j.Id)
            .Take(2).ToListAsync(cancellationToken);
        if (jurisdictions.Count != 1)
        {
            // Limitation: with no or several jurisdictions the first administrator comes from the command
            // line (civicdesk users add --jurisdiction CODE), which can name the jurisdiction.
            return;
        }

        EnsureFirstAdministratorHandler handler = services.GetRequiredService<EnsureFirstAdministratorHandler>();
        string? password = await handler.HandleAsync(jurisdictions[0], cancellationToken);
        if (password is null)
        {
            return;
        }

        TextWriter console = services.GetRequiredService<StartupConsole>().Output;
        string signIn = services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Absolute("/staff/sign-in");
        app.Lifetime.ApplicationStarted.Register(() => console.WriteLine(
            $"First start: sign in at {signIn} as '{EnsureFirstAdministratorHandler.UserName}' "
            + $"with the one-time password {password} (you will be asked to choose a new one)."));
    }
}
