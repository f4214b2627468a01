namespace CivicDesk.Core.Data;

/// <summary>
/// A write could not start because this process's other writers of the SQLite file held it for longer than
/// <see cref="DatabaseOptions.WriteWaitTimeout"/>. Nothing of the write was stored; the same request may be sent
/// again after <see cref="RetryAfter"/>. Hosts answer it with 503 and a <c>Retry-After</c> header.
/// </summary>
public sealed class DatabaseBusyException : TimeoutException
{
    public DatabaseBusyException()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    public DatabaseBusyException(string message)
        : base(message)
    {
        RetryAfter = TimeSpan.FromSeconds(30);
    }

    public DatabaseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(30);
    }

    public DatabaseBusyException(TimeSpan waited)
        : base($"The database stayed busy with other writes for {waited.TotalSeconds:0.#} s; nothing was written.")
    {
        RetryAfter = waited < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : waited;
    }

    /// <summary>How long a client should wait before it tries again: the wait that ran out, at least 1 s.</summary>
    public TimeSpan RetryAfter { get; }
}
