using System.Runtime.CompilerServices;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>Decimal and integer arithmetic; overflow and division by zero give an unknown naming no input.</summary>
internal static partial class TypedOps
{
    public static Typed<decimal> Add(Typed<decimal> left, Typed<decimal> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<decimal>(left.Unknown, right.Unknown);
        }

        try
        {
            return new(left.Value + right.Value);
        }
        catch (OverflowException)
        {
            return new(UnknownValue.None);
        }
    }

    public static Typed<decimal> Subtract(Typed<decimal> left, Typed<decimal> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<decimal>(left.Unknown, right.Unknown);
        }

        try
        {
            return new(left.Value - right.Value);
        }
        catch (OverflowException)
        {
            return new(UnknownValue.None);
        }
    }

    public static Typed<decimal> Multiply(Typed<decimal> left, Typed<decimal> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<decimal>(left.Unknown, right.Unknown);
        }

        try
        {
            return new(left.Value * right.Value);
        }
        catch (OverflowException)
        {
            return new(UnknownValue.None);
        }
    }

    public static Typed<decimal> Divide(Typed<decimal> left, Typed<decimal> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<decimal>(left.Unknown, right.Unknown);
        }

        if (right.Value == 0m)
        {
            return new(UnknownValue.None);
        }

        try
        {
            return new(left.Value / right.Value);
        }
        catch (OverflowException)
        {
            return new(UnknownValue.None);
        }
    }

    /// <summary>
    /// One more argument of <c>min(a, b, ...)</c> or <c>max</c>: the least (or greatest) so far, the first of equal
    /// ones (2.0 before 2.00); an unknown argument makes the answer unknown, naming every input the unknown ones need.
    /// </summary>
    public static Typed<T> Extreme<T>(Typed<T> best, Typed<T> item, bool minimum)
        where T : IComparable<T>
    {
        if (best.Unknown is not null || item.Unknown is not null)
        {
            return Strict<T>(best.Unknown, item.Unknown);
        }

        int order = item.Value.CompareTo(best.Value);
        return (minimum ? order < 0 : order > 0) ? item : best;
    }

    public static Typed<long> Add(Typed<long> left, Typed<long> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<long>(left.Unknown, right.Unknown);
        }

        long sum = unchecked(left.Value + right.Value);
        bool overflow = ((left.Value ^ sum) & (right.Value ^ sum)) < 0;
        return overflow ? new(UnknownValue.None) : new(sum);
    }

    public static Typed<long> Subtract(Typed<long> left, Typed<long> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<long>(left.Unknown, right.Unknown);
        }

        long difference = unchecked(left.Value - right.Value);
        bool overflow = ((left.Value ^ right.Value) & (left.Value ^ difference)) < 0;
        return overflow ? new(UnknownValue.None) : new(difference);
    }

    public static Typed<long> Multiply(Typed<long> left, Typed<long> right)
    {
        if (left.Unknown is not null || right.Unknown is not null)
        {
            return Strict<long>(left.Unknown, right.Unknown);
        }

        long high = Math.BigMul(left.Value, right.Value, out long low);
        bool overflow = high != (low >> 63);
        return overflow ? new(UnknownValue.None) : new(low);
    }
}
