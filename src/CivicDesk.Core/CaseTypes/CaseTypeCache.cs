using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// Loaded case types by content hash, shared by every request of the process. A hash names one meaning, so an entry
/// never goes stale; the cache is bounded and forgets the entry added first when full.
/// </summary>
public sealed class CaseTypeCache
{
    /// <summary>Far more versions than a jurisdiction keeps open cases on at once.</summary>
    public const int Capacity = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CaseType> _byHash = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byHash.Count;
            }
        }
    }

    public CaseType? Find(string contentHash)
    {
        lock (_gate)
        {
            return _byHash.GetValueOrDefault(contentHash);
        }
    }

    /// <summary>Keeps <paramref name="caseType"/> by its hash; a second load of a kept hash is dropped.</summary>
    public CaseType Add(CaseType caseType)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        lock (_gate)
        {
            if (_byHash.TryGetValue(caseType.ContentHash, out CaseType? kept))
            {
                return kept;
            }

            while (_byHash.Count >= Capacity && _order.TryDequeue(out string? oldest))
            {
                _byHash.Remove(oldest);
            }

            _byHash[caseType.ContentHash] = caseType;
            _order.Enqueue(caseType.ContentHash);
            return caseType;
        }
    }
}
