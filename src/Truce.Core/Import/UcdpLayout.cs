using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// The UCDP Georeferenced Event Dataset (GED), as CSV or GeoJSON: the 49-column layout of releases 20.1
/// and later, the older 42-column one (19.1) and the HDX export with its HXL row, all read by column name.
/// Codes follow the UCDP GED codebook (version 23.1).
/// </summary>
public sealed class UcdpLayout : EventLayout
{
    public const string Source = "UCDP GED";

    public override string Name => "ucdp";

    public override string IdColumn => "id";

    public override string DefaultSource => Source;

    public override IReadOnlyList<string> Columns { get; } =
    [
        "id", "type_of_violence", "conflict_name", "side_a", "side_b", "where_prec", "where_coordinates",
        "where_description", "adm_1", "adm_2", "country", "latitude", "longitude", "date_prec", "date_start", "date_end",
        "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "low", "high", "source_headline",
    ];

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["id", "type_of_violence", "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end", "best"];

    /// <summary>
    /// where_prec to a radius in metres. 1: the exact place (a village or town, so a few km); 2: within
    /// 25 km of a known point; 3: a second-order administrative division (a district); 4: a first-order one
    /// (a province); 5: a linear feature or an area between divisions (a border, a front line); 6: only the
    /// country; 7: international waters or airspace (the largest radius Truce keeps).
    /// </summary>
    public static readonly IReadOnlyDictionary<int, int> WherePrecisionM = new Dictionary<int, int>
    {
        [1] = 2_000, [2] = 25_000, [3] = 50_000, [4] = 150_000, [5] = 150_000, [6] = 500_000, [7] = 1_000_000,
    };

    /// <summary>
    /// date_prec to a time precision. 1: the exact day; 2: within 2–6 days; 3: the week; 4: within 8–30 days
    /// (the month); 5: more than a month (only the year): Truce's coarsest is a month, and date_start–date_end
    /// still carries the whole span.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, TimePrecision> DatePrecision = new Dictionary<int, TimePrecision>
    {
        [1] = TimePrecision.Day, [2] = TimePrecision.Week, [3] = TimePrecision.Week, [4] = TimePrecision.Month, [5] = TimePrecision.Month,
    };

    /// <summary>
    /// type_of_violence has no OSCE category. 1 (state-based) and 2 (non-state) are fighting between armed
    /// groups, the closest being small-arms fire; 3 (one-sided) is violence against civilians.
    /// </summary>
    public static Category CategoryOf(int typeOfViolence) => typeOfViolence == 3 ? Category.CivilianHarm : Category.SmallArmsFire;

    private static readonly string[] ViolenceLabels = ["", "State-based conflict", "Non-state conflict", "One-sided violence"];

    public override Observation? Map(SourceRow row, string source, DateTimeOffset now)
    {
        var id = row.Required("id");
        var latitude = row.Degrees("latitude", 90);
        var longitude = row.Degrees("longitude", 180);
        var wherePrec = row.WholeNumber("where_prec", 1, 7, required: true);
        var datePrec = row.WholeNumber("date_prec", 1, 5, required: true);
        var start = row.Date("date_start", "yyyy-MM-dd");
        var end = row.Date("date_end", "yyyy-MM-dd");
        var violence = row.WholeNumber("type_of_violence", 1, 3, required: true);
        const int MaxDeaths = 10_000_000;
        var best = row.WholeNumber("best", 0, MaxDeaths, required: true);
        var deathsA = row.WholeNumber("deaths_a", 0, MaxDeaths);
        var deathsB = row.WholeNumber("deaths_b", 0, MaxDeaths);
        var civilians = row.WholeNumber("deaths_civilians", 0, MaxDeaths);
        var unknown = row.WholeNumber("deaths_unknown", 0, MaxDeaths);
        if (start is not null && end is not null && end < start)
        {
            row.Error("date_end", "is before date_start.");
        }
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var (from, to) = Days(start!.Value, end!.Value);
        NotInFuture(row, "date_start", from, now);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        var observation = Observation(latitude!.Value, longitude!.Value, from, to);
        observation.TimePrecision = DatePrecision[datePrec!.Value];
        observation.LocationPrecisionM = WherePrecisionM[wherePrec!.Value];
        observation.Category = CategoryOf(violence!.Value);
        // The split by side, when the release has it; otherwise the best estimate, by who the violence was against.
        var split = row.Has("deaths_civilians") && (row.Has("deaths_a") || row.Has("deaths_b"));
        if (split)
        {
            observation.CiviliansKilled = civilians ?? 0;
            observation.CombatantsKilled = (deathsA ?? 0) + (deathsB ?? 0);
        }
        else if (violence == 3)
        {
            observation.CiviliansKilled = best!.Value;
        }
        else
        {
            observation.CombatantsKilled = best!.Value;
        }
        observation.AreaName = row.Clipped("where_coordinates", 200) ?? row.Clipped("adm_2", 200) ?? row.Clipped("adm_1", 200) ?? row.Clipped("country", 200);
        observation.Source = source;
        observation.SourceExternalId = id;
        observation.SourcePrecision = $"where_prec={wherePrec};date_prec={datePrec}";
        observation.Narrative = Narrative(
            $"{ViolenceLabels[violence.Value]}:",
            row["conflict_name"] is { } conflict ? $"{conflict}." : null,
            row["side_a"] is { } a ? $"{a} v {row["side_b"] ?? "unknown"}." : null,
            row["where_description"] is { } where ? $"Where: {where}." : null,
            $"Deaths, best estimate {best}" + (row["low"] is { } low ? $" (low {low}, high {row["high"]})" : "") + ".",
            split && unknown > 0 ? $"{unknown} of unknown status." : null,
            row["source_headline"] is { } headline ? $"Source: {headline}" : null);
        return observation;
    }
}
