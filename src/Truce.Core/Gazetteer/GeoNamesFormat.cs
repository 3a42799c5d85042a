using System.Globalization;
using System.Text;
using Truce.Import;

namespace Truce.Gazetteer;

/// <summary>
/// GeoNames' own dump formats (download.geonames.org/export/dump/readme.txt): UTF-8, one record a line, fields
/// separated by tabs, no header, no quoting (a field never holds a tab or a line break, so a split on tabs is the
/// format's whole grammar). Read lazily, a line at a time, so a file of any size is read in constant memory.
/// </summary>
public static class GeoNamesFormat
{
    /// <summary>The main table ("geoname"): 19 columns.</summary>
    public static readonly string[] MainColumns =
    [
        "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class", "feature code",
        "country code", "cc2", "admin1 code", "admin2 code", "admin3 code", "admin4 code", "population", "elevation",
        "dem", "timezone", "modification date",
    ];

    /// <summary>alternateNamesV2: 10 columns (the older alternateNames file has the first 8).</summary>
    public static readonly string[] AlternateColumns =
    [
        "alternateNameId", "geonameid", "isolanguage", "alternate name", "isPreferredName", "isShortName",
        "isColloquial", "isHistoric", "from", "to",
    ];

    /// <summary>isolanguage values that mark a code or a link, not a name a person reads or searches.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793", "phon", "piny",
    };

    public static string PlaceIdOf(long geonameId) => string.Create(CultureInfo.InvariantCulture, $"geonames:{geonameId}");

    /// <summary>The lines of a file, numbered from 1; an empty last line is not a record.</summary>
    public static IEnumerable<(int Line, string Text)> Lines(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length > 0)
            {
                yield return (number, text);
            }
        }
    }

    /// <summary>A line of the main table: the place and its names (main name official; ASCII name and alternatenames alternate, language unknown).</summary>
    public static GeoNamesRow Main(int line, string text)
    {
        var errors = new List<RowError>();
        var cells = text.Split('\t');
        if (cells.Length != MainColumns.Length)
        {
            return Refuse(line, "columns", $"expected {MainColumns.Length} tab-separated columns (GeoNames' main table), found {cells.Length}.");
        }
        var id = Id(cells[0], line, "geonameid", errors);
        var name = Name(cells[1], line, "name", errors, required: true);
        var latitude = Coordinate(cells[4], line, "latitude", 90, errors);
        var longitude = Coordinate(cells[5], line, "longitude", 180, errors);
        if (cells[8].Length is not (0 or 2) || !cells[8].All(char.IsAsciiLetterUpper))
        {
            errors.Add(new RowError(line, "country code", $"'{Submission.Clip(cells[8])}' is not an ISO 3166 two-letter code."));
        }
        long? population = null;
        if (cells[14].Length > 0)
        {
            if (long.TryParse(cells[14], NumberStyles.None, CultureInfo.InvariantCulture, out var people))
            {
                population = people;
            }
            else
            {
                errors.Add(new RowError(line, "population", $"'{Submission.Clip(cells[14])}' is not a whole number."));
            }
        }
        var alternates = cells[3].Length == 0 ? [] : cells[3].Split(',');
        foreach (var alternate in alternates)
        {
            Name(alternate, line, "alternatenames", errors, required: false);
        }
        if (errors.Count > 0)
        {
            return new GeoNamesRow(line, null, [], errors);
        }
        var placeId = PlaceIdOf(id);
        var place = Places.At(placeId, name, cells[6] switch { "P" => PlaceKind.PopulatedPlace, "A" => PlaceKind.AdministrativeArea, _ => PlaceKind.Other },
            latitude, longitude, cells[8]);
        place.GeoNamesId = id;
        place.Admin1 = cells[10].Length > 0 ? cells[10] : null;
        place.Admin2 = cells[11].Length > 0 ? cells[11] : null;
        place.Population = population;
        var names = new List<PlaceName> { Places.Name(NameId(id, name), placeId, name, "", NameKind.Official) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var alternate in alternates.Prepend(cells[2]).Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            if (seen.Add(alternate))
            {
                names.Add(Places.Name(NameId(id, alternate), placeId, alternate, "", NameKind.Alternate));
            }
        }
        return new GeoNamesRow(line, place, names, []);
    }

    /// <summary>
    /// A line of alternateNamesV2: a name of a place in a language. Preferred names are official, colloquial ones
    /// local, historic ones historic; codes and links (isolanguage link, post, iata ...) are passed over.
    /// </summary>
    public static GeoNamesRow Alternate(int line, string text)
    {
        var errors = new List<RowError>();
        var cells = text.Split('\t');
        if (cells.Length is not (8 or 10))
        {
            return Refuse(line, "columns", $"expected 10 tab-separated columns (GeoNames' alternateNamesV2) or 8 (alternateNames), found {cells.Length}.");
        }
        var alternateId = Id(cells[0], line, "alternateNameId", errors);
        var geonameId = Id(cells[1], line, "geonameid", errors);
        var language = cells[2];
        if (language.Length > 20 || language.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            errors.Add(new RowError(line, "isolanguage", $"'{Submission.Clip(language)}' is not a language code."));
        }
        var flags = new bool[4];
        for (var i = 0; i < 4; i++)
        {
            flags[i] = cells[4 + i] switch
            {
                "1" => true,
                "" or "0" => false,
                _ => Flag(errors, line, AlternateColumns[4 + i], cells[4 + i]),
            };
        }
        var name = Name(cells[3], line, "alternate name", errors, required: true);
        var from = cells.Length == 10 ? Period(cells[8], line, "from", errors) : null;
        var to = cells.Length == 10 ? Period(cells[9], line, "to", errors) : null;
        if (errors.Count > 0)
        {
            return new GeoNamesRow(line, null, [], errors);
        }
        if (NotNames.Contains(language))
        {
            return new GeoNamesRow(line, null, [], []);
        }
        var (preferred, colloquial, historic) = (flags[0], flags[2], flags[3]);
        var kind = historic ? NameKind.Historic : preferred ? NameKind.Official : colloquial ? NameKind.Local : NameKind.Alternate;
        var placeId = PlaceIdOf(geonameId);
        return new GeoNamesRow(line, null,
            [Places.Name(GazetteerIds.Of($"geonames-alternate\n{alternateId}"), placeId, name, language, kind, from, to)], []);
    }

    /// <summary>The id of a main-table name: the same place and spelling always give the same row.</summary>
    private static Guid NameId(long geonameId, string name) =>
        GazetteerIds.Of(string.Create(CultureInfo.InvariantCulture, $"geonames-name\n{geonameId}\n{name}"));

    private static GeoNamesRow Refuse(int line, string field, string message) => new(line, null, [], [new RowError(line, field, message)]);

    private static bool Flag(List<RowError> errors, int line, string field, string value)
    {
        errors.Add(new RowError(line, field, $"'{Submission.Clip(value)}' is not 1 or empty."));
        return false;
    }

    private static long Id(string text, int line, string field, List<RowError> errors)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        errors.Add(new RowError(line, field, $"'{Submission.Clip(text)}' is not a positive whole number."));
        return 0;
    }

    private static string Name(string text, int line, string field, List<RowError> errors, bool required)
    {
        var name = text.Trim();
        if (name.Length == 0 && required)
        {
            errors.Add(new RowError(line, field, "is empty."));
        }
        else if (name.Length > 400)
        {
            errors.Add(new RowError(line, field, $"is {name.Length} characters long; at most 400."));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new RowError(line, field, "holds a control character."));
        }
        return name;
    }

    private static double Coordinate(string text, int line, string field, double limit, List<RowError> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
        {
            return value;
        }
        errors.Add(new RowError(line, field, $"'{Submission.Clip(text)}' is not a number from -{limit} to {limit}."));
        return 0;
    }

    private static string? Period(string text, int line, string field, List<RowError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length > 40 || text.Any(char.IsControl))
        {
            errors.Add(new RowError(line, field, $"'{Submission.Clip(text)}' is not a period (at most 40 characters)."));
            return null;
        }
        return text;
    }
}
