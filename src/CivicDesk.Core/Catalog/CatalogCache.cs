using System.Collections.Concurrent;

namespace CivicDesk.Core.Catalog;

/// <summary>
/// Keeps what every request reads and almost nothing changes (jurisdictions, service definitions with their
/// questions) in memory for a short while, so intake does not read them again for each request. Entries are
/// read-only snapshots loaded without tracking, and only found values are kept, so a new service shows at
/// once. A change to a cached entry (a renamed service, a jurisdiction added to the list) shows after at most
/// <see cref="Lifetime"/>, unless the process that made it calls <see cref="Clear"/>.
/// </summary>
public sealed class CatalogCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached value, or what <paramref name="load"/> returns; a null result is not kept.</summary>
    public async Task<T?> GetOrLoadAsync<T>(
        string key,
        Func<CancellationToken, Task<T?>> load,
        CancellationToken cancellationToken)
        where T : class
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out Entry? entry) && entry.ExpiresAt > now && entry.Value is T cached)
        {
            return cached;
        }

        T? loaded = await load(cancellationToken);
        if (loaded is not null)
        {
            _entries[key] = new Entry(loaded, now + Lifetime);
        }

        return loaded;
    }

    public void Clear() => _entries.Clear();

    private sealed record Entry(object Value, DateTimeOffset ExpiresAt);
}
