using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// One column of many rows as a typed array of the values the database stores: the property read and its value
/// converter applied by a delegate compiled once per property, so no value is boxed on the way. Reading each
/// value through EF Core's getter and converter boxed it twice and set it through <c>Array.SetValue</c>,
/// which cost a batch of a thousand cases some 35,000 small objects.
/// </summary>
internal static class ColumnValues
{
    private static readonly ConcurrentDictionary<(Type Row, IProperty Property), Delegate> Fillers = new();

    /// <summary>
    /// The stored values of <paramref name="property"/> in <paramref name="rows"/>, as an array of
    /// <see cref="ElementType"/>.
    /// </summary>
    public static Array Of<T>(IProperty property, IReadOnlyList<T> rows)
        where T : class
    {
        var fill = (Func<IReadOnlyList<T>, Array>)Fillers.GetOrAdd(
            (typeof(T), property),
            static key => Compile<T>(key.Property));
        return fill(rows);
    }

    /// <summary>The type of a stored value: the provider's type, nullable when the column is.</summary>
    public static Type ElementType(IProperty property)
    {
        RelationalTypeMapping mapping = property.GetRelationalTypeMapping();
        Type provider = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return provider.IsValueType && property.IsNullable && Nullable.GetUnderlyingType(provider) is null
            ? typeof(Nullable<>).MakeGenericType(provider)
            : provider;
    }

    private static Func<IReadOnlyList<T>, Array> Compile<T>(IProperty property)
        where T : class
    {
        Type element = ElementType(property);
        ValueConverter? converter = property.GetRelationalTypeMapping().Converter;
        ParameterExpression row = Expression.Parameter(typeof(T), "row");
        MemberInfo member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
            ?? throw new InvalidOperationException($"{property.Name} has neither a property nor a field to read.");
        Expression value = Expression.MakeMemberAccess(row, member);
        if (converter is not null)
        {
            value = Converted(value, converter, element);
        }
        else if (value.Type != element)
        {
            value = Expression.Convert(value, element);
        }

        Delegate read = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), element), value, row).Compile();
        object filler = Activator.CreateInstance(typeof(Filler<,>).MakeGenericType(typeof(T), element), read)!;
        return ((IFiller<T>)filler).Fill;
    }

    /// <summary>
    /// The converter's expression applied to <paramref name="value"/>; a null stays null, as EF Core's own
    /// conversion of a nullable value does, and is never given to the converter.
    /// </summary>
    private static Expression Converted(Expression value, ValueConverter converter, Type element)
    {
        LambdaExpression convert = converter.ConvertToProviderExpression;
        Type model = convert.Parameters[0].Type;
        if (Nullable.GetUnderlyingType(value.Type) is { } underlying && underlying == model)
        {
            Expression present = Expression.Property(value, nameof(Nullable<int>.Value));
            return Expression.Condition(
                Expression.Property(value, nameof(Nullable<int>.HasValue)),
                Expression.Convert(Expression.Invoke(convert, present), element),
                Expression.Default(element));
        }

        Expression converted = Expression.Convert(
            Expression.Invoke(convert, value.Type == model ? value : Expression.Convert(value, model)), element);
        return value.Type.IsValueType
            ? converted
            : Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Default(element), converted);
    }

    private interface IFiller<in T>
    {
        Array Fill(IReadOnlyList<T> rows);
    }

    private sealed class Filler<T, TElement>(Func<T, TElement> read) : IFiller<T>
    {
        public Array Fill(IReadOnlyList<T> rows)
        {
            TElement[] values = new TElement[rows.Count];
            for (int r = 0; r < values.Length; r++)
            {
                values[r] = read(rows[r]);
            }

            return values;
        }
    }
}
