using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Truce.Storage;

/// <summary>
/// What the journal and the bulk writer read of one entity type, worked out once per model: its table, its
/// columns in table order and in journal order (by name), its key, and for each column a compiled getter and
/// the converter to the value the engine stores.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<IEntityType, RecordShape> Shapes = new();

    private RecordShape(IEntityType type)
    {
        Type = type;
        Table = type.GetTableName() ?? type.ShortName();
        Columns = [.. type.GetProperties().Select((p, i) => new RecordColumn(p, i, p.IsSecret()))];
        Sorted = [.. Columns.OrderBy(c => c.Name, StringComparer.Ordinal)];
        Key = [.. type.FindPrimaryKey()!.Properties.Select(p => Columns.Single(c => c.Property == p))];
    }

    public IEntityType Type { get; }

    /// <summary>The table, which is also the name the journal gives the entity.</summary>
    public string Table { get; }

    /// <summary>The columns in the model's order, the order the bulk writer writes them in.</summary>
    public IReadOnlyList<RecordColumn> Columns { get; }

    /// <summary>The columns by name (ordinal), the order of a journal snapshot.</summary>
    public IReadOnlyList<RecordColumn> Sorted { get; }

    public IReadOnlyList<RecordColumn> Key { get; }

    internal static RecordShape Of(IEntityType type) => Shapes.GetOrAdd(type, t => new RecordShape(t));
}

/// <summary>One column of a <see cref="RecordShape"/>.</summary>
internal sealed class RecordColumn
{
    private readonly Func<object, object?>? _get;
    private readonly Action<object, object?>? _set;

    internal RecordColumn(IProperty property, int ordinal, bool secret)
    {
        Property = property;
        Ordinal = ordinal;
        Name = property.GetColumnName();
        Secret = secret;
        Mapping = (RelationalTypeMapping)property.GetTypeMapping();
        if (property.PropertyInfo is { } info)
        {
            var record = Expression.Parameter(typeof(object), "record");
            var read = Expression.Property(Expression.Convert(record, property.DeclaringType.ClrType), info);
            _get = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), record).Compile();
            if (info.CanWrite)
            {
                var value = Expression.Parameter(typeof(object), "value");
                _set = Expression.Lambda<Action<object, object?>>(
                    Expression.Assign(read, Expression.Convert(value, info.PropertyType)), record, value).Compile();
            }
        }
    }

    public IProperty Property { get; }

    public string Name { get; }

    /// <summary>The column's place in <see cref="RecordShape.Columns"/>.</summary>
    public int Ordinal { get; }

    /// <summary>Journaled as its SHA-256, never in clear.</summary>
    public bool Secret { get; }

    public RelationalTypeMapping Mapping { get; }

    /// <summary>The record's value of this column as the model holds it (what the journal writes).</summary>
    public object? Get(object record) =>
        _get is { } get ? get(record) : throw new NotSupportedException($"{Property.DeclaringType.ShortName()}.{Property.Name} has no CLR property to read.");

    /// <summary>Puts the column's value in the stored form (<see cref="StoredValue.TryNormalize"/>) on the record itself.</summary>
    public void Normalize(object record)
    {
        if (_set is { } set && StoredValue.TryNormalize($"{Property.DeclaringType.ShortName()}.{Property.Name}", Get(record), out var normal))
        {
            set(record, normal);
        }
    }

    /// <summary>The value as the engine stores it, after the model's converter (a slug for an enum, ticks for a SQLite instant).</summary>
    public object? Stored(object record)
    {
        var value = Get(record);
        return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
