using Truce.Geo;
using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// How one dataset's columns become an observation. Columns are found by name, never by position, so
/// the same layout reads every release of a dataset whatever the order of its columns.
/// </summary>
public abstract class EventLayout
{
    /// <summary>The name of the format on the command line (`truce import ucdp`).</summary>
    public abstract string Name { get; }

    /// <summary>The source an observation of this dataset is recorded under: two rows of one dataset are not independent.</summary>
    public abstract string DefaultSource { get; }

    /// <summary>Every column the layout reads.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The columns a file must have; the others may be absent from older releases.</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The column holding the dataset's own id of an event.</summary>
    public abstract string IdColumn { get; }

    public virtual string LatitudeColumn => "latitude";

    public virtual string LongitudeColumn => "longitude";

    /// <summary>A CSV cell as the layout reads it, before any other rule (Truce's own layout undoes its export's formula guard).</summary>
    public virtual string Cell(string column, string cell) => cell;

    /// <summary>The observation a row describes, or null with the row's errors recorded in it.</summary>
    public abstract Observation? Map(SourceRow row, string source, DateTimeOffset now);

    public static IReadOnlyList<EventLayout> All { get; } = [new UcdpLayout(), new AcledLayout(), new TruceLayout()];

    public static EventLayout? Named(string? name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first instant of a day and the last microsecond of another, in UTC.</summary>
    protected static (DateTimeOffset From, DateTimeOffset To) Days(DateOnly first, DateOnly last) =>
        (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         new DateTimeOffset(last.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).AddTicks(-10));

    /// <summary>The parts of an imported observation every layout sets the same way.</summary>
    protected static Observation Observation(double latitude, double longitude, DateTimeOffset from, DateTimeOffset to) => new()
    {
        ObservedFrom = Instant.Normalize(from),
        ObservedTo = Instant.Normalize(to),
        Latitude = latitude,
        Longitude = longitude,
        Cell = Geohash.Encode(latitude, longitude),
        // A dataset reports what others reported to it: hearsay to the mission, however good the dataset.
        Sensor = Sensor.ToldBy,
        Count = 1,
    };

    protected static void NotInFuture(SourceRow row, string column, DateTimeOffset from, DateTimeOffset now)
    {
        if (from > now + ObservationRules.ClockSkew)
        {
            row.Error(column, "is in the future.");
        }
    }

    protected static string Narrative(params string?[] parts)
    {
        var text = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length > ObservationRules.MaxNarrative ? text[..ObservationRules.MaxNarrative] : text;
    }
}
