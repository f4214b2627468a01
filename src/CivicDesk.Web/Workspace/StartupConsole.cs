namespace CivicDesk.Web.Workspace;

/// <summary>
/// Where the host prints the few lines an operator must read on start, such as a one-time password.
/// It is the process's console, not a logger: secrets must never reach the logs.
/// </summary>
public sealed class StartupConsole(TextWriter output)
{
    public TextWriter Output => output;
}
