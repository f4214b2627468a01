using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// The real CivicDesk web host as a child process on a free loopback port, configured through environment
/// variables for one database, so its processor time is measured apart from the load generator's.
/// </summary>
internal sealed class WebServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<WebServerProcess> StartAsync(
        string webAssembly,
        string provider,
        string connectionString,
        string dataFolder,
        CancellationToken cancellationToken)
    {
        int port = FreePort();
        Uri address = new($"http://127.0.0.1:{port}/");
        ProcessStartInfo start = new("dotnet", [webAssembly, "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webAssembly)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["Demo__SeedHistory"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        Process process = Process.Start(start) ?? throw new InvalidOperationException("The web host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WebServerProcess server = new(process, address);
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    /// <summary>User plus system processor time the host has used so far, from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using HttpClient client = new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (int attempt = 0; attempt < 120; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited with code {_process.ExitCode}.");
            }

            try
            {
                using HttpResponseMessage response =
                    await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("The web host did not become healthy within a minute.");
    }

    private static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
