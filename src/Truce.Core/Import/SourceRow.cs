using System.Globalization;

using Truce.Monitoring;

namespace Truce.Import;

/// <summary>What is wrong with one row of a dataset: the file line (1-based, as an editor shows it) and the column.</summary>
public sealed record RowError(int Line, string Field, string Message);

/// <summary>
/// One row as read from a dataset: the observation it describes, or why it cannot be imported.
/// <see cref="Fatal"/> marks an error that stops the whole file (a missing column), not one row.
/// </summary>
public sealed record ImportRow(int Line, Observation? Observation, IReadOnlyList<RowError> Errors, bool Fatal = false);

/// <summary>
/// The cells of the row being read, by column name, and the errors found in them. One instance is reused
/// for every row of a file, so reading stays in constant memory.
/// </summary>
public sealed class SourceRow
{
    private readonly Dictionary<string, int> _slots;
    private readonly string?[] _values;
    private readonly bool[] _present;
    private readonly List<RowError> _errors = [];

    public SourceRow(IReadOnlyList<string> columns)
    {
        _slots = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _values = new string?[columns.Count];
        _present = new bool[columns.Count];
    }

    public int Line { get; private set; }

    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>Whether the file has this column at all (an older layout may lack it).</summary>
    public bool Has(string column) => _present[_slots[column]];

    internal void MarkPresent(string column) => _present[_slots[column]] = true;

    internal bool TrySlot(string column, out int slot) => _slots.TryGetValue(column, out slot);

    internal void Start(int line)
    {
        Line = line;
        Array.Clear(_values);
        _errors.Clear();
    }

    internal void Set(int slot, string? value) => _values[slot] = value;

    internal RowError[] TakeErrors() => _errors.Count == 0 ? [] : [.. _errors];

    /// <summary>The cell's text, trimmed; null when it is empty or the column is absent.</summary>
    public string? this[string column] => _values[_slots[column]] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public void Error(string column, string message) => _errors.Add(new RowError(Line, column, message));

    public string? Required(string column)
    {
        var value = this[column];
        if (value is null)
        {
            Error(column, "is required.");
        }
        return value;
    }

    public int? WholeNumber(string column, int min, int max, bool required = false)
    {
        var text = required ? Required(column) : this[column];
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(column, $"'{Submission.Clip(text)}' is not a whole number from {min} to {max}.");
            return null;
        }
        return value;
    }

    public double? Degrees(string column, double limit)
    {
        var text = Required(column);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            || value < -limit || value > limit)
        {
            Error(column, $"'{Submission.Clip(text)}' is not a number of degrees from -{limit} to {limit}.");
            return null;
        }
        return value;
    }

    /// <summary>A calendar date in one of the given formats (a trailing time of day, as some exports add, is ignored).</summary>
    public DateOnly? Date(string column, params string[] formats)
    {
        var text = Required(column);
        if (text is null)
        {
            return null;
        }
        var datePart = text.Length > 10 && text[4] == '-' && text[10] is ' ' or 'T' ? text[..10] : text;
        if (!DateOnly.TryParseExact(datePart, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Error(column, $"'{Submission.Clip(text)}' is not a date ({formats[0]}).");
            return null;
        }
        if (!Truce.Instant.IsAccepted(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
        {
            Error(column, $"'{Submission.Clip(text)}' {Truce.Instant.RangeMessage}");
            return null;
        }
        return value;
    }

    /// <summary>An ISO 8601 instant with its offset, as Truce's own exports write them.</summary>
    public DateTimeOffset? Instant(string column)
    {
        var text = Required(column);
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Error(column, $"'{Submission.Clip(text)}' is not an ISO 8601 instant.");
            return null;
        }
        if (!Truce.Instant.IsAccepted(value))
        {
            Error(column, $"'{Submission.Clip(text)}' {Truce.Instant.RangeMessage}");
            return null;
        }
        return Truce.Instant.Normalize(value);
    }

    public TEnum? Choice<TEnum>(string column) where TEnum : struct, Enum
    {
        var text = Required(column);
        if (text is null)
        {
            return null;
        }
        if (!Slug.TryParse<TEnum>(text, out var value))
        {
            Error(column, $"'{Submission.Clip(text)}' is not one of: {Slug.Expected<TEnum>()}.");
            return null;
        }
        return value;
    }

    /// <summary>Text that is kept, cut to what the store holds rather than refused: a dataset's prose is not the importer's to reject.</summary>
    public string? Clipped(string column, int maxLength) => this[column] is { } v && v.Length > maxLength ? v[..maxLength] : this[column];
}
