using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CivicDesk.Core.Tests.Notifications;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port, keeping every message it accepts. Recipients whose local
/// part starts with <c>refused</c> are refused (550), as a server refuses an unknown mailbox.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LoopbackSmtpServer(int port)
    {
        Port = port;
        ISmtpServerOptions options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        SmtpServer.ComponentModel.ServiceProvider services = new();
        services.Add(new CapturingStore(Messages));
        services.Add(new DelegatingMailboxFilter(
            (ISessionContext _, IMailbox _) => true,
            (ISessionContext _, IMailbox to, IMailbox _) =>
                !to.User.StartsWith("refused", StringComparison.OrdinalIgnoreCase)));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public static LoopbackSmtpServer Start() => new(FreeLoopbackPort());

    /// <summary>A loopback port nothing listens on (as far as anyone can tell a moment later).</summary>
    public static int FreeLoopbackPort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class CapturingStore(ConcurrentQueue<MimeMessage> messages) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using MemoryStream stream = new(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
