using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// Truce's own export layout (CSV, HXL and GeoJSON properties), so that an export imports back into
/// another store as the same observations, ids included.
/// </summary>
public sealed class TruceLayout : EventLayout
{
    /// <summary>The columns and their HXL hashtags, in the order the exports write them.</summary>
    public static readonly IReadOnlyList<(string Column, string Hxl)> Layout =
    [
        ("id", "#meta+id"),
        ("source", "#meta+source"),
        ("source_id", "#meta+id+external"),
        ("source_precision", "#meta+precision"),
        ("observed_from", "#date+start"),
        ("observed_to", "#date+end"),
        ("time_precision", "#date+precision"),
        ("latitude", "#geo+lat"),
        ("longitude", "#geo+lon"),
        ("location_precision_m", "#geo+precision"),
        ("area_name", "#loc+name"),
        ("category", "#event+type"),
        ("sensor", "#meta+sensor"),
        ("count", "#event+num"),
        ("civilians_killed", "#affected+killed+civilians"),
        ("civilians_injured", "#affected+injured+civilians"),
        ("combatants_killed", "#affected+killed+combatants"),
        ("combatants_injured", "#affected+injured+combatants"),
        ("alleged_party", "#group+name+alleged"),
        ("narrative", "#description"),
        ("visibility", "#meta+visibility"),
        ("incident_id", "#event+id"),
    ];

    public override string Name => "truce";

    public override string IdColumn => "id";

    public override string DefaultSource => "truce";

    public override IReadOnlyList<string> Columns { get; } = [.. Layout.Select(c => c.Column)];

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["id", "source", "observed_from", "observed_to", "time_precision", "latitude", "longitude", "location_precision_m", "category", "sensor"];

    public override Observation? Map(SourceRow row, string source, DateTimeOffset now)
    {
        var idText = row.Required("id");
        Guid id = default;
        if (idText is not null && !Guid.TryParse(idText, out id))
        {
            row.Error("id", $"'{Submission.Clip(idText)}' is not a UUID.");
        }
        var latitude = row.Degrees("latitude", 90);
        var longitude = row.Degrees("longitude", 180);
        var from = row.Instant("observed_from");
        var to = row.Instant("observed_to");
        var timePrecision = row.Choice<TimePrecision>("time_precision");
        var locationPrecision = row.WholeNumber("location_precision_m", 0, 1_000_000, required: true);
        var category = row.Choice<Category>("category");
        var sensor = row.Choice<Sensor>("sensor");
        var count = row.WholeNumber("count", 1, 100_000) ?? 1;
        var civiliansKilled = row.WholeNumber("civilians_killed", 0, 10_000_000) ?? 0;
        var civiliansInjured = row.WholeNumber("civilians_injured", 0, 10_000_000) ?? 0;
        var combatantsKilled = row.WholeNumber("combatants_killed", 0, 10_000_000) ?? 0;
        var combatantsInjured = row.WholeNumber("combatants_injured", 0, 10_000_000) ?? 0;
        var rowSource = row.Required("source");
        if (row["alleged_party"] is { Length: > 40 })
        {
            row.Error("alleged_party", "must be at most 40 characters.");
        }
        if (from is not null && to is not null && to < from)
        {
            row.Error("observed_to", "is before observed_from.");
        }
        if (row.Errors.Count > 0)
        {
            return null;
        }
        NotInFuture(row, "observed_from", from!.Value, now);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        var observation = Observation(latitude!.Value, longitude!.Value, from.Value, to!.Value);
        observation.Id = id;
        observation.TimePrecision = timePrecision!.Value;
        observation.LocationPrecisionM = locationPrecision!.Value;
        observation.AreaName = row.Clipped("area_name", 200);
        observation.Category = category!.Value;
        observation.Sensor = sensor!.Value;
        observation.Count = count;
        observation.CiviliansKilled = civiliansKilled;
        observation.CiviliansInjured = civiliansInjured;
        observation.CombatantsKilled = combatantsKilled;
        observation.CombatantsInjured = combatantsInjured;
        observation.AllegedPartyId = row["alleged_party"];
        observation.Narrative = row.Clipped("narrative", ObservationRules.MaxNarrative) ?? "";
        // The export names each observation's own source; a --source given to the import replaces it.
        observation.Source = source == DefaultSource ? rowSource! : source;
        observation.SourceExternalId = row.Clipped("source_id", 200);
        observation.SourcePrecision = row.Clipped("source_precision", 200);
        return observation;
    }

    /// <summary>One observation as the export's cells, in <see cref="Layout"/> order.</summary>
    public static string?[] Cells(Observation o) =>
    [
        o.Id.ToString("D"),
        o.Source,
        o.SourceExternalId,
        o.SourcePrecision,
        Iso(o.ObservedFrom),
        Iso(o.ObservedTo),
        Slug.Of(o.TimePrecision),
        o.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        o.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Number(o.LocationPrecisionM),
        o.AreaName,
        Slug.Of(o.Category),
        Slug.Of(o.Sensor),
        Number(o.Count),
        Number(o.CiviliansKilled),
        Number(o.CiviliansInjured),
        Number(o.CombatantsKilled),
        Number(o.CombatantsInjured),
        o.AllegedPartyId,
        o.Narrative,
        Slug.Of(o.Visibility),
        o.IncidentId?.ToString("D"),
    ];

    /// <summary>
    /// A text cell as a CSV or HXL export writes it, so that no spreadsheet runs it as a formula (OWASP, CSV
    /// injection): a cell starting with =, +, -, @, TAB or CR gets a leading single quote, and so does one that
    /// already starts with a quote, so that <see cref="FromSpreadsheet"/> can take exactly one off and the round
    /// trip is lossless. Number columns are left alone: a negative latitude stays a number.
    /// </summary>
    public static string ForSpreadsheet(string column, string cell) =>
        !IsNumber(column) && cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'' ? "'" + cell : cell;

    /// <summary>The cell as it was before <see cref="ForSpreadsheet"/>.</summary>
    public static string FromSpreadsheet(string column, string cell) =>
        !IsNumber(column) && cell.StartsWith('\'') ? cell[1..] : cell;

    /// <summary>A CSV or HXL file of this layout is one of Truce's exports: its text cells carry the export's quote.</summary>
    public override string Cell(string column, string cell) => FromSpreadsheet(column, cell);

    /// <summary>Which cells of <see cref="Cells"/> are numbers (GeoJSON writes them unquoted).</summary>
    public static bool IsNumber(string column) => column is "latitude" or "longitude" or "location_precision_m" or "count"
        or "civilians_killed" or "civilians_injured" or "combatants_killed" or "combatants_injured";

    /// <summary>An instant as the exports write it: UTC, to the microsecond.</summary>
    internal static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
