using System.Collections.Immutable;
using System.Text.Json;

namespace CivicDesk.Core.Cases;

/// <summary>The answers to a service's questions, by question code. A list question may hold several values.</summary>
public sealed class CaseAnswers : IEquatable<CaseAnswers>
{
    public static readonly CaseAnswers Empty = new(ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty);

    private CaseAnswers(ImmutableSortedDictionary<string, ImmutableArray<string>> values)
    {
        Values = values;
    }

    public ImmutableSortedDictionary<string, ImmutableArray<string>> Values { get; }

    public static CaseAnswers From(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> answers)
    {
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Builder builder =
            ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<string>> answer in answers)
        {
            if (answer.Value.Count > 0)
            {
                builder[answer.Key] = [.. answer.Value];
            }
        }

        return new CaseAnswers(builder.ToImmutable());
    }

    public string? First(string code) =>
        Values.TryGetValue(code, out ImmutableArray<string> list) && list.Length > 0 ? list[0] : null;

    public string ToJson() => JsonSerializer.Serialize(Values.ToDictionary(p => p.Key, p => p.Value.ToArray()));

    public static CaseAnswers FromJson(string json)
    {
        Dictionary<string, string[]>? parsed = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json);
        return parsed is null
            ? Empty
            : From(parsed.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Value)));
    }

    public bool Equals(CaseAnswers? other) => other is not null && ToJson() == other.ToJson();

    public override bool Equals(object? obj) => Equals(obj as CaseAnswers);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());
}
