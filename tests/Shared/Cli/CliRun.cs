using CivicDesk.Cli;

namespace CivicDesk.Testing;

/// <summary>Runs one <c>civicdesk</c> command line in-process on a test database, capturing its output.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TestDatabase database,
        params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        string[] all = ["--database", database.Provider, "--connection", database.ConnectionString, .. args];
        int exitCode = await CliApp.RunAsync(all, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
