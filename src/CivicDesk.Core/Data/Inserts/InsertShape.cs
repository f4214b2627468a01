using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// How one entity type is inserted without EF Core's update pipeline: its table, its columns in model order, the
/// type mapping of each (which applies the model's value converters and the provider's parameter settings, as
/// SaveChanges would) and the INSERT statement. Read from the model once per entity type and provider.
/// </summary>
internal sealed class InsertShape
{
    private static readonly ConcurrentDictionary<(IEntityType Type, bool Positional), InsertShape?> Shapes = new();

    private InsertShape(
        IEntityType entityType,
        IProperty[] properties,
        RelationalTypeMapping[] mappings,
        string sql,
        bool positional,
        int rank)
    {
        EntityType = entityType;
        Properties = properties;
        Mappings = mappings;
        Sql = sql;
        Positional = positional;
        Rank = rank;
    }

    public IEntityType EntityType { get; }

    public string Sql { get; }

    /// <summary>
    /// Insert order: a table comes after every table its foreign keys point to, so that SQLite (foreign keys on)
    /// and PostgreSQL accept each statement as it runs.
    /// </summary>
    public int Rank { get; }

    private IProperty[] Properties { get; }

    private RelationalTypeMapping[] Mappings { get; }

    /// <summary>PostgreSQL batch statements take <c>$1</c>-style parameters; SQLite's take names.</summary>
    private bool Positional { get; }

    /// <summary>The shape of a type, or null when this path cannot insert it (then SaveChanges does).</summary>
    public static InsertShape? For(IEntityType entityType, ISqlGenerationHelper sql, bool positional) =>
        Shapes.GetOrAdd((entityType, positional), key => Read(key.Type, sql, key.Positional));

    /// <summary>The parameters of one row, created through the command the row will not run on.</summary>
    public DbParameter[]? Bind(EntityEntry entry, DbCommand factory)
    {
        DbParameter[] parameters = new DbParameter[Properties.Length];
        for (int i = 0; i < Properties.Length; i++)
        {
            PropertyEntry value = entry.Property(Properties[i]);
            if (value.IsTemporary)
            {
                return null;
            }

            string name = Positional ? string.Empty : ParameterName(i);
            parameters[i] = Mappings[i].CreateParameter(factory, name, value.CurrentValue, Properties[i].IsNullable);
        }

        return parameters;
    }

    private static InsertShape? Read(IEntityType entityType, ISqlGenerationHelper sql, bool positional)
    {
        string? table = entityType.GetTableName();
        if (table is null || entityType.GetComplexProperties().Any() || entityType.IsOwned()
            || entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any()
            || RankOf(entityType, []) is not int rank)
        {
            return null;
        }

        StoreObjectIdentifier store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        IProperty[] properties = [.. entityType.GetProperties().Where(p => p.GetComputedColumnSql() is null)];
        RelationalTypeMapping[] mappings = new RelationalTypeMapping[properties.Length];
        for (int i = 0; i < properties.Length; i++)
        {
            if (properties[i].FindRelationalTypeMapping() is not { } mapping)
            {
                return null;
            }

            mappings[i] = mapping;
        }

        string columns = string.Join(
            ", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        string values = string.Join(
            ", ", properties.Select((_, i) => positional ? "$" + (i + 1) : ParameterName(i)));
        string statement =
            $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({columns}) VALUES ({values})";
        return new InsertShape(entityType, properties, mappings, statement, positional, rank);
    }

    private static string ParameterName(int index) => "@p" + index;

    // Null when the foreign keys loop back to the type (a row could need another row of its batch first).
    private static int? RankOf(IEntityType entityType, HashSet<IEntityType> visiting)
    {
        if (!visiting.Add(entityType))
        {
            return null;
        }

        int rank = 0;
        foreach (IForeignKey key in entityType.GetForeignKeys())
        {
            if (RankOf(key.PrincipalEntityType, visiting) is not int principal)
            {
                return null;
            }

            rank = Math.Max(rank, principal + 1);
        }

        visiting.Remove(entityType);
        return rank;
    }
}
