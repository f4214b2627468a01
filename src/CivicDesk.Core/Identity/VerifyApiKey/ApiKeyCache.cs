using System.Collections.Concurrent;

namespace CivicDesk.Core.Identity.VerifyApiKey;

/// <summary>
/// Keeps the stored form of recently used API keys for a few seconds, so that a partner posting many requests
/// does not cost a database read per request. The secret is still checked against the stored hash on every
/// call. Only keys found are kept, so guessing prefixes does not fill memory. A key revoked in this process
/// stops working at once; revoked elsewhere (the command line, another node), within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKey?> GetOrLoadAsync(
        string prefix,
        Func<CancellationToken, Task<ApiKey?>> load,
        CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_entries.TryGetValue(prefix, out Entry? entry) && entry.ExpiresAt > now)
        {
            return entry.Key;
        }

        ApiKey? loaded = await load(cancellationToken);
        if (loaded is null)
        {
            _entries.TryRemove(prefix, out _);
        }
        else
        {
            _entries[prefix] = new Entry(loaded, now + Lifetime);
        }

        return loaded;
    }

    public void Forget(string prefix) => _entries.TryRemove(prefix, out _);

    private sealed record Entry(ApiKey Key, DateTimeOffset ExpiresAt);
}
