using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Checking;

internal sealed partial class Checker
{
    private const int MaxBindDepth = 400;

    private static readonly HashSet<string> FunctionNames =
    [
        "count", "sum", "any", "all", "min", "max", "age_on", "days_between", "months_between", "round_cents",
        "floor", "decimal", "days", "months", "years",
    ];

    private Bound BindCall(CallExpr call)
    {
        switch (call.Name)
        {
            case "count":
                return BindAggregate(call, Aggregate.Count);
            case "sum":
                return BindAggregate(call, Aggregate.Sum);
            case "any":
                return BindAggregate(call, Aggregate.Any);
            case "all":
                return BindAggregate(call, Aggregate.All);
            case "min" or "max":
                return BindMinMax(call);
            case "age_on" or "days_between" or "months_between":
                Function dates = call.Name switch
                {
                    "age_on" => Function.AgeOn,
                    "days_between" => Function.DaysBetween,
                    _ => Function.MonthsBetween,
                };
                return BindFunction(call, dates, RuleType.Integer, RuleType.Date, RuleType.Date);
            case "round_cents":
                return BindFunction(call, Function.RoundCents, RuleType.Decimal, RuleType.Decimal);
            case "floor":
                return BindFunction(call, Function.Floor, RuleType.Decimal, RuleType.Decimal);
            case "decimal":
                return BindFunction(call, Function.ToDecimal, RuleType.Decimal, RuleType.Integer);
            case "days" or "months" or "years":
                Function unit = call.Name switch
                {
                    "days" => Function.Days,
                    "months" => Function.Months,
                    _ => Function.Years,
                };
                return BindFunction(call, unit, RuleType.Duration, RuleType.Integer);
            default:
                return BindLookup(call);
        }
    }

    private BCall BindFunction(CallExpr call, Function function, RuleType result, params RuleType[] parameters)
    {
        if (call.Arguments.Length != parameters.Length)
        {
            throw Fail(call.Position, $"{parameters.Length} argument(s) for {call.Name}",
                call.Arguments.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        ImmutableArray<Bound> arguments = [.. call.Arguments.Select((a, i) =>
            Coerce(Bind(a), parameters[i], a.Position, $"argument {i + 1} of {call.Name}"))];
        return new BCall(result, function, arguments);
    }

    private Bound BindMinMax(CallExpr call)
    {
        Aggregate kind = call.Name == "min" ? Aggregate.Min : Aggregate.Max;
        if (call.Arguments.Length == 2 && call.Arguments[1] is LambdaExpr || call.Arguments.Length == 1)
        {
            return BindAggregate(call, kind);
        }

        if (call.Arguments.Length == 0)
        {
            throw Fail(call.Position, $"a list or at least two values for {call.Name}", "no argument");
        }

        Bound first = Bind(call.Arguments[0]);
        if (first.Type.Equals(RuleType.Integer) && call.Arguments.Skip(1).Any(IsDecimalLiteral))
        {
            first = Coerce(first, RuleType.Decimal, call.Arguments[0].Position, "argument 1");
        }

        if (!first.Type.IsOrdered)
        {
            throw Fail(call.Arguments[0].Position, $"numbers or dates for {call.Name}", first.Type.Name);
        }

        ImmutableArray<Bound> rest = [.. call.Arguments.Skip(1).Select((a, i) =>
            Coerce(Bind(a), first.Type, a.Position, $"argument {i + 2} of {call.Name}"))];
        return new BCall(first.Type, kind == Aggregate.Min ? Function.Min : Function.Max, [first, .. rest]);
    }

    private static bool IsDecimalLiteral(Expr expr) =>
        expr is DecimalLiteral || expr is UnaryExpr { Operand: DecimalLiteral };

    private BAggregate BindAggregate(CallExpr call, Aggregate kind)
    {
        if (call.Arguments.Length is < 1 or > 2)
        {
            throw Fail(call.Position, $"{call.Name}(list) or {call.Name}(list, x -> ...)",
                $"{call.Arguments.Length} arguments");
        }

        Bound list = Bind(call.Arguments[0]);
        if (list.Type is not ListType listType)
        {
            throw Fail(call.Arguments[0].Position, $"a list as the first argument of {call.Name}", list.Type.Name);
        }

        int slot = -1;
        Bound? body = null;
        RuleType element = listType.Element;
        if (call.Arguments.Length == 2)
        {
            if (call.Arguments[1] is not LambdaExpr lambda)
            {
                throw Fail(call.Arguments[1].Position, "'x -> expression' as the second argument", "an expression");
            }

            slot = _localCount++;
            _locals.Add((lambda.Parameter, element, slot));
            body = Bind(lambda.Body);
            _locals.RemoveAt(_locals.Count - 1);
            element = body.Type;
        }

        return new BAggregate(AggregateType(call, kind, element), kind, list, slot, body);
    }

    private static RuleType AggregateType(CallExpr call, Aggregate kind, RuleType element)
    {
        SourcePosition position = call.Arguments[^1].Position;
        switch (kind)
        {
            case Aggregate.Count:
                if (call.Arguments.Length == 2 && !element.Equals(RuleType.Boolean))
                {
                    throw Fail(position, "a boolean condition for count", element.Name);
                }

                return RuleType.Integer;
            case Aggregate.Any or Aggregate.All:
                return element.Equals(RuleType.Boolean)
                    ? element
                    : throw Fail(position, $"booleans for {call.Name}", element.Name);
            case Aggregate.Sum:
                return element.IsNumeric ? element : throw Fail(position, "numbers for sum", element.Name);
            default:
                return element.IsOrdered
                    ? element
                    : throw Fail(position, $"numbers or dates for {call.Name}", element.Name);
        }
    }

    private BLookup BindLookup(CallExpr call)
    {
        if (!_symbols.TryGetValue(call.Name, out Symbol? symbol) || symbol.Kind != SymbolKind.Parameter
            || !_parameters[symbol.Index].IsTable)
        {
            throw Fail(call.Position, "a function or a parameter table", $"'{call.Name}(...)'");
        }

        RuleParameter parameter = _parameters[symbol.Index];
        if (call.Arguments.Length != parameter.Keys.Length)
        {
            throw Fail(call.Position, $"{parameter.Keys.Length} key(s) for {call.Name}",
                $"{call.Arguments.Length}");
        }

        if (_references.Count > 0)
        {
            _references.Peek().Add(call.Name);
        }

        ImmutableArray<Bound> keys = [.. call.Arguments.Select((a, i) =>
            Coerce(Bind(a), parameter.Keys[i].Type, a.Position, $"the key {parameter.Keys[i].Name}"))];
        return new BLookup(parameter.ValueType, symbol.Index, keys);
    }
}
