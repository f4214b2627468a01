using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// How count, sum, any, all, min and max fold a list's elements, shared by the interpreter and compiled code. The
/// state is the running result; any and all stop at the first element that settles them.
/// </summary>
internal static class AggregateRules
{
    private static readonly Value Empty = Value.Of("\u0000empty");

    public static Value Start(BAggregate aggregate) => aggregate.Kind switch
    {
        Aggregate.Count => Value.Of(0L),
        Aggregate.Sum => aggregate.Type.Equals(RuleType.Integer) ? Value.Of(0L) : Value.Of(0m),
        Aggregate.Any => Value.False,
        Aggregate.All => Value.True,
        _ => Empty,
    };

    public static Value Step(Aggregate kind, Value state, Value element)
    {
        if (state is UnknownValue && kind is Aggregate.Count or Aggregate.Sum or Aggregate.Min or Aggregate.Max)
        {
            return element is UnknownValue ? Semantics.MergeUnknown(state, element) : state;
        }

        return kind switch
        {
            Aggregate.Count => CountStep(state, element),
            Aggregate.Sum => Semantics.Add(state, element),
            Aggregate.Any => Kleene(state, element, settle: true),
            Aggregate.All => Kleene(state, element, settle: false),
            Aggregate.Min => ReferenceEquals(state, Empty) ? element : Semantics.Extreme(state, element, minimum: true),
            _ => ReferenceEquals(state, Empty) ? element : Semantics.Extreme(state, element, minimum: false),
        };
    }

    private static Value CountStep(Value state, Value element) => element switch
    {
        UnknownValue => element,
        BooleanValue { Value: false } => state,
        _ => Value.Of(((IntegerValue)state).Value + 1),
    };

    /// <summary>Or (settle on true) or and (settle on false) with unknown kept until something settles it.</summary>
    private static Value Kleene(Value state, Value element, bool settle)
    {
        if (element is BooleanValue b && b.Value == settle)
        {
            return element;
        }

        return element is UnknownValue ? Semantics.MergeUnknown(state, element) : state;
    }

    public static bool IsSettled(Aggregate kind, Value state) =>
        (kind == Aggregate.Any && state is BooleanValue { Value: true })
        || (kind == Aggregate.All && state is BooleanValue { Value: false });

    public static Value Finish(Aggregate kind, Value state) =>
        ReferenceEquals(state, Empty) ? UnknownValue.None : state;
}
