using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// The Armed Conflict Location &amp; Event Data export (the column names of 2023 and later), following
/// ACLED's codebook for the precision codes and event types.
/// </summary>
public sealed class AcledLayout : EventLayout
{
    public const string Source = "ACLED";

    public override string Name => "acled";

    public override string IdColumn => "event_id_cnty";

    public override string DefaultSource => Source;

    public override IReadOnlyList<string> Columns { get; } =
    [
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes",
    ];

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["event_id_cnty", "event_date", "time_precision", "event_type", "latitude", "longitude", "geo_precision", "fatalities"];

    /// <summary>
    /// geo_precision to a radius in metres. 1: the town or village itself (a few km); 2: a place near it or
    /// a part of a region (25 km); 3: only the larger region, the province's capital standing for it (150 km).
    /// </summary>
    public static readonly IReadOnlyDictionary<int, int> GeoPrecisionM = new Dictionary<int, int>
    {
        [1] = 2_000, [2] = 25_000, [3] = 150_000,
    };

    /// <summary>time_precision: 1 the day is known; 2 only the week (the date is within it); 3 only the month.</summary>
    public static readonly IReadOnlyDictionary<int, TimePrecision> TimePrecisionOf = new Dictionary<int, TimePrecision>
    {
        [1] = TimePrecision.Day, [2] = TimePrecision.Week, [3] = TimePrecision.Month,
    };

    /// <summary>
    /// ACLED's event types to the closest OSCE category: explosions and remote violence (shelling, air and
    /// drone strikes) are explosions, except remote explosives, landmines and IEDs, which are mines/UXO;
    /// battles are small-arms fire; violence against civilians is civilian harm; protests, riots and
    /// strategic developments have no counterpart and are other.
    /// </summary>
    public static Category CategoryOf(string eventType, string? subEventType) => eventType.ToLowerInvariant() switch
    {
        "explosions/remote violence" when string.Equals(subEventType, "Remote explosive/landmine/IED", StringComparison.OrdinalIgnoreCase) => Category.MineUxo,
        "explosions/remote violence" => Category.Explosion,
        "battles" => Category.SmallArmsFire,
        "violence against civilians" => Category.CivilianHarm,
        _ => Category.Other,
    };

    public override Observation? Map(SourceRow row, string source, DateTimeOffset now)
    {
        var id = row.Required("event_id_cnty");
        var latitude = row.Degrees("latitude", 90);
        var longitude = row.Degrees("longitude", 180);
        var geoPrecision = row.WholeNumber("geo_precision", 1, 3, required: true);
        var timePrecision = row.WholeNumber("time_precision", 1, 3, required: true);
        // ACLED's API and its older exports write dates differently: 2024-03-05 and 05 March 2024.
        var date = row.Date("event_date", "yyyy-MM-dd", "dd MMMM yyyy", "d MMMM yyyy");
        var eventType = row.Required("event_type");
        var fatalities = row.WholeNumber("fatalities", 0, 10_000_000, required: true);
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var (from, to) = Days(date!.Value, date.Value);
        NotInFuture(row, "event_date", from, now);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        var observation = Observation(latitude!.Value, longitude!.Value, from, to);
        observation.TimePrecision = TimePrecisionOf[timePrecision!.Value];
        observation.LocationPrecisionM = GeoPrecisionM[geoPrecision!.Value];
        observation.Category = CategoryOf(eventType!, row["sub_event_type"]);
        // ACLED does not split fatalities by status: those of violence against civilians, protests and riots
        // are counted as civilians, the rest as combatants; the narrative keeps the number as published.
        if (observation.Category is Category.CivilianHarm || eventType is "Protests" or "Riots")
        {
            observation.CiviliansKilled = fatalities!.Value;
        }
        else
        {
            observation.CombatantsKilled = fatalities!.Value;
        }
        observation.AreaName = row.Clipped("location", 200) ?? row.Clipped("admin2", 200) ?? row.Clipped("admin1", 200) ?? row.Clipped("country", 200);
        observation.Source = source;
        observation.SourceExternalId = id;
        observation.SourcePrecision = $"geo_precision={geoPrecision};time_precision={timePrecision}";
        observation.Narrative = Narrative(
            $"{eventType}" + (row["sub_event_type"] is { } sub ? $" ({sub})." : "."),
            row["actor1"] is { } a ? $"{a}" + (row["actor2"] is { } b ? $" v {b}." : ".") : null,
            $"Fatalities: {fatalities}.",
            row["notes"]);
        return observation;
    }
}
