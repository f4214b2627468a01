using System.Collections.Immutable;

namespace CivicDesk.Rules;

/// <summary>A record with named, typed fields in the order written.</summary>
public sealed class RecordType(ImmutableArray<(string Name, RuleType Type)> fields) : RuleType
{
    public ImmutableArray<(string Name, RuleType Type)> Fields { get; } = fields;

    public override string Name { get; } =
        "record(" + string.Join(", ", fields.Select(f => f.Name + ": " + f.Type.Name)) + ")";

    public int IndexOf(string field)
    {
        for (int i = 0; i < Fields.Length; i++)
        {
            if (string.Equals(Fields[i].Name, field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
