using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>Typed function calls, aggregates, parameter look-ups and the helpers that build typed values.</summary>
internal sealed partial class TypedCompiler
{
    private MethodCallExpression? Call(BCall call)
    {
        if (call.Function is Function.Min or Function.Max)
        {
            return Extreme(call);
        }

        ImmutableArray<Bound> arguments = call.Arguments;
        Type decimalType = typeof(Typed<decimal>);
        Type dateType = typeof(Typed<LocalDate>);
        (string? name, Type[] types) = call.Function switch
        {
            Function.ToDecimal => (nameof(TypedOps.ToDecimal), [typeof(Typed<long>)]),
            Function.RoundCents => (nameof(TypedOps.RoundCents), [decimalType]),
            Function.Floor => (nameof(TypedOps.Floor), [decimalType]),
            Function.DaysBetween => (nameof(TypedOps.DaysBetween), [dateType, dateType]),
            Function.AgeOn => (nameof(TypedOps.AgeOn), [dateType, dateType]),
            Function.MonthsBetween => (nameof(TypedOps.MonthsBetween), [dateType, dateType]),
            _ => ((string?)null, System.Type.EmptyTypes),
        };
        if (name is null || arguments.Length != types.Length
            || arguments.Select((a, i) => ClrType(a.Type) is { } t && TypedOf(t) == types[i]).Contains(false))
        {
            return null;
        }

        return Expression.Call(Op(name, types), arguments.Select(Lower));
    }

    /// <summary><c>min(a, b, ...)</c> or <c>max</c> of typed values: one step per argument after the first.</summary>
    private MethodCallExpression? Extreme(BCall call)
    {
        if (ClrType(call.Type) is not { } clr
            || !(clr == typeof(decimal) || clr == typeof(long) || clr == typeof(LocalDate))
            || call.Arguments.Length < 2
            || call.Arguments.Any(argument => ClrType(argument.Type) != clr))
        {
            return null;
        }

        MethodInfo step = Generic(nameof(TypedOps.Extreme), clr);
        ConstantExpression minimum = Expression.Constant(call.Function == Function.Min);
        Expression result = Lower(call.Arguments[0]);
        foreach (Bound argument in call.Arguments.Skip(1))
        {
            result = Expression.Call(step, result, Lower(argument), minimum);
        }

        return (MethodCallExpression)result;
    }

    private MethodCallExpression? Aggregate(BAggregate aggregate)
    {
        if (aggregate.Body is null || !aggregate.Body.Type.Equals(RuleType.Boolean)
            || aggregate.Kind is not (Checking.Aggregate.Any or Checking.Aggregate.All or Checking.Aggregate.Count))
        {
            return null;
        }

        Func<Frame, Typed<bool>> body =
            Expression.Lambda<Func<Frame, Typed<bool>>>(Lower(aggregate.Body), _frame).Compile();
        Expression list = _boxed.Lower(aggregate.List);
        return aggregate.Kind == Checking.Aggregate.Count
            ? Expression.Call(Op(nameof(TypedOps.Count), typeof(Frame), typeof(Value), typeof(int),
                typeof(Func<Frame, Typed<bool>>)), _frame, list, Expression.Constant(aggregate.Slot),
                Expression.Constant(body))
            : Expression.Call(Op(nameof(TypedOps.AnyAll), typeof(Frame), typeof(Value), typeof(int),
                typeof(Func<Frame, Typed<bool>>), typeof(bool)), _frame, list, Expression.Constant(aggregate.Slot),
                Expression.Constant(body), Expression.Constant(aggregate.Kind == Checking.Aggregate.Any));
    }

    /// <summary>A table look-up with typed keys (text, integer, date, boolean; at most three).</summary>
    private MethodCallExpression? Lookup(BLookup lookup, Type clr)
    {
        if (lookup.Keys.Length > TableKey.MaxParts)
        {
            return null;
        }

        List<Expression> parts = [];
        foreach (Bound key in lookup.Keys)
        {
            Type? keyType = ClrType(key.Type);
            if (keyType is null || keyType == typeof(decimal))
            {
                return null;
            }

            parts.Add(Expression.Call(Op(nameof(TypedOps.Key), TypedOf(keyType)), Lower(key)));
        }

        while (parts.Count < TableKey.MaxParts)
        {
            parts.Add(Expression.Default(typeof(KeyPart)));
        }

        if (TextIndex(lookup.Index) is { } index)
        {
            return Unbox(clr, Expression.Call(
                Op(nameof(TypedOps.Lookup), typeof(Frame), typeof(TextKeyIndex), typeof(KeyPart), typeof(KeyPart)),
                _frame, Expression.Constant(index), parts[0], parts[1]));
        }

        return Unbox(clr, Expression.Call(
            Op(nameof(TypedOps.Lookup), typeof(Frame), typeof(RuleParameter), typeof(KeyPart), typeof(KeyPart),
                typeof(KeyPart)),
            [_frame, Expression.Constant(_ruleSet.Parameters[lookup.Index]), .. parts]));
    }

    /// <summary>The text-key index of a parameter table, made once per table; null when it has none.</summary>
    private TextKeyIndex? TextIndex(int parameter)
    {
        if (!_textIndexes.TryGetValue(parameter, out TextKeyIndex? index))
        {
            index = TextKeyIndex.For(_ruleSet.Parameters[parameter]);
            _textIndexes[parameter] = index;
            if (index is not null)
            {
                _indexed.Add(_ruleSet.Parameters[parameter].Name);
            }
        }

        return index;
    }

    /// <summary>
    /// A literal as a typed value built in place from its raw value (a struct constant would be kept boxed in the
    /// compiled closure and unboxed at every use).
    /// </summary>
    private static Expression Literal(Type clr, Value value)
    {
        object typed = Generic(nameof(TypedOps.Unbox), clr).Invoke(null, [value])!;
        object? raw = TypedOf(clr).GetField(nameof(Typed<int>.Value))!.GetValue(typed);
        return value is UnknownValue ? Expression.Constant(typed, TypedOf(clr)) : Known(clr, raw);
    }

    private static NewExpression Known(Type clr, object? raw) =>
        Expression.New(TypedOf(clr).GetConstructor([clr])!, Expression.Constant(raw, clr));

    private static MethodCallExpression Unbox(Type clr, Expression value) =>
        Expression.Call(Generic(nameof(TypedOps.Unbox), clr), value);

    private static MethodCallExpression Box(Expression typed) =>
        Expression.Call(Op(nameof(TypedOps.Box), typed.Type), typed);

    private static MethodInfo Generic(string name, Type clr) =>
        Ops.Single(m => m.Name == name && m.IsGenericMethodDefinition).MakeGenericMethod(clr);

    private static MethodInfo Op(string name, params Type[] parameters) =>
        Ops.Single(m => m.Name == name && !m.IsGenericMethodDefinition
            && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
}
