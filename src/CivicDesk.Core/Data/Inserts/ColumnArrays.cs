using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// Rows of one entity type sent to PostgreSQL as one array per column, so that a statement takes any number of
/// rows in a fixed number of parameters: <c>INSERT … SELECT … FROM unnest(…)</c> and <c>UPDATE … FROM unnest(…)</c>.
/// One parameter per value made the client build, and the server parse and bind, tens of thousands of them per
/// batch. Values pass through the model's value converters, as SaveChanges would write them, and each array is
/// cast to the column's store type.
/// </summary>
internal sealed class ColumnArrays
{
    private readonly List<NpgsqlParameter> _parameters = [];

    private readonly List<string> _arrays = [];

    private readonly List<IProperty> _properties = [];

    private ColumnArrays(IEntityType type, ISqlGenerationHelper sql)
    {
        Type = type;
        Sql = sql;
        Table = sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }

    public IEntityType Type { get; }

    /// <summary>The delimited table name.</summary>
    public string Table { get; }

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    private ISqlGenerationHelper Sql { get; }

    /// <summary>Every stored column of <paramref name="type"/> for <paramref name="rows"/> (an INSERT).</summary>
    public static ColumnArrays AllColumns<T>(IEntityType type, ISqlGenerationHelper sql, IReadOnlyList<T> rows)
        where T : class
    {
        ColumnArrays arrays = new(type, sql);
        foreach (IProperty property in type.GetProperties().Where(p => p.GetComputedColumnSql() is null))
        {
            arrays.Add(property, rows);
        }

        return arrays;
    }

    /// <summary>The named columns of <paramref name="type"/> for <paramref name="rows"/>, in that order.</summary>
    public static ColumnArrays Columns<T>(
        IEntityType type,
        ISqlGenerationHelper sql,
        IReadOnlyList<T> rows,
        IEnumerable<string> properties)
        where T : class
    {
        ColumnArrays arrays = new(type, sql);
        foreach (string name in properties)
        {
            arrays.Add(type.FindProperty(name)!, rows);
        }

        return arrays;
    }

    /// <summary>The delimited column name of the <paramref name="index"/>th column added.</summary>
    public string Column(int index) => Sql.DelimitIdentifier(ColumnName(_properties[index]));

    /// <summary>The array parameter of the <paramref name="index"/>th column, cast to its store type.</summary>
    public string Array(int index) => _arrays[index];

    /// <summary><c>unnest(@c0::uuid[], …) AS v(c0, …)</c>: the rows as a table named <c>v</c>.</summary>
    public string Unnested() =>
        $"unnest({string.Join(", ", _arrays)}) AS v({string.Join(", ", _arrays.Select((_, i) => Alias(i)))})";

    /// <summary><c>INSERT INTO t (a, b, …) SELECT * FROM unnest(…)</c>.</summary>
    public string InsertSql() =>
        $"INSERT INTO {Table} ({string.Join(", ", _properties.Select((_, i) => Column(i)))}) "
        + $"SELECT {string.Join(", ", _arrays.Select((_, i) => "v." + Alias(i)))} FROM {Unnested()}";

    /// <summary>The alias of the <paramref name="index"/>th column in the unnested rows: <c>c0</c>, ….</summary>
    public static string Alias(int index) => "c" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ColumnName(IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(Type.GetTableName()!, Type.GetSchema()))!;

    private void Add<T>(IProperty property, IReadOnlyList<T> rows)
        where T : class
    {
        if (property.IsShadowProperty())
        {
            throw new InvalidOperationException(
                $"{Type.DisplayName()}.{property.Name} is a shadow property: its rows cannot be sent as arrays.");
        }

        RelationalTypeMapping mapping = property.GetRelationalTypeMapping();
        Array values = ColumnValues.Of(property, rows);
        string name = "@" + Alias(_arrays.Count);
        _parameters.Add(new NpgsqlParameter(name, values));
        _arrays.Add($"{name}::{mapping.StoreType}[]");
        _properties.Add(property);
    }
}
