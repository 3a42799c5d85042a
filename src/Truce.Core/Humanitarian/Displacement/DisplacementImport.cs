using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>
/// Imports the shared country-level displacement files into the register. Every line is checked first; any bad
/// line (a figure that is negative or not a whole number, a year or country that is not one) refuses the whole file
/// with its line and field named. Each figure's id is derived from its source row, so a re-import adds nothing twice.
/// </summary>
public static class DisplacementImport
{
    public static async Task<Result<DisplacementSummary>> RunAsync(Store store, Viewer actor, DisplacementSource source, string path,
        Visibility visibility = Visibility.Public, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var table = RegisterTable.Read(path);
        if (table.Failure is { } unreadable)
        {
            return unreadable;
        }
        var errors = new List<RowError>();
        var figures = new List<DisplacementFigure>();
        var skipped = 0;
        var read = table.Value!.Rows.Count;
        var parsed = source switch
        {
            DisplacementSource.Idmc when table.Value.Column("figure") >= 0 => IduEvents(table.Value, errors),
            DisplacementSource.Idmc => Gidd(table.Value, errors),
            _ => Unhcr(table.Value, errors),
        };
        if (errors.Count > 0)
        {
            return new DisplacementSummary(read, 0, 0, 0, errors);
        }
        var now = Instant.Now(store.Clock);
        foreach (var figure in parsed)
        {
            if (figure.DisplacedPresent is null && figure.NewDisplacement is null && figure.Returns is null)
            {
                skipped++;
                continue;
            }
            figure.Visibility = visibility;
            figure.RecordedBy = actor.Name;
            figure.RecordedAt = now;
            figures.Add(figure);
        }
        await using var db = store.Open(actor);
        var ids = figures.Select(f => f.Id).ToList();
        var stored = (await db.Set<DisplacementFigure>().Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
        var added = figures.Where(f => !stored.Contains(f.Id)).ToList();
        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return new DisplacementSummary(read, added.Count, figures.Count - added.Count, skipped, []);
    }

    /// <summary>GIDD conflict figures: the year's stock (total_displacement) and flow (new_displacement), at 31 December.</summary>
    private static List<DisplacementFigure> Gidd(RegisterTable table, List<RowError> errors)
    {
        if (Missing(table, errors, "iso3", "year", "new_displacement", "total_displacement"))
        {
            return [];
        }
        var (iso3, year, flow, stock) = (table.Column("iso3"), table.Column("year"), table.Column("new_displacement"), table.Column("total_displacement"));
        var figures = new List<DisplacementFigure>();
        foreach (var (line, cells) in table.Rows)
        {
            var country = Country(RegisterTable.Cell(cells, iso3), line, "iso3", errors);
            var y = Year(RegisterTable.Cell(cells, year), line, "year", errors);
            var present = Figure(RegisterTable.Cell(cells, stock), line, "total_displacement", errors);
            var displaced = Figure(RegisterTable.Cell(cells, flow), line, "new_displacement", errors);
            if (country is not null && y is { } at)
            {
                figures.Add(new DisplacementFigure
                {
                    Id = IdOf($"idmc-gidd|{country}|{at}"), Country = country, Date = new DateOnly(at, 12, 31),
                    DisplacedPresent = present, NewDisplacement = displaced, Source = "IDMC GIDD (conflict)",
                });
            }
        }
        return figures;
    }

    /// <summary>IDU events: one new displacement figure per event, at its displacement date.</summary>
    private static List<DisplacementFigure> IduEvents(RegisterTable table, List<RowError> errors)
    {
        if (Missing(table, errors, "id", "iso3", "figure", "displacement_date", "displacement_type"))
        {
            return [];
        }
        var (id, iso3, figure, date, type) = (table.Column("id"), table.Column("iso3"), table.Column("figure"), table.Column("displacement_date"), table.Column("displacement_type"));
        var figures = new List<DisplacementFigure>();
        foreach (var (line, cells) in table.Rows)
        {
            var country = Country(RegisterTable.Cell(cells, iso3), line, "iso3", errors);
            var count = Figure(RegisterTable.Cell(cells, figure), line, "figure", errors);
            var text = RegisterTable.Cell(cells, date);
            DateOnly? when = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? DateOnly.FromDateTime(instant.UtcDateTime) : null;
            if (when is null)
            {
                errors.Add(new RowError(line, "displacement_date", $"'{text}' is not a date."));
            }
            if (country is not null && when is { } day)
            {
                figures.Add(new DisplacementFigure
                {
                    Id = IdOf($"idmc-idu|{RegisterTable.Cell(cells, id)}"), Country = country, Date = day, NewDisplacement = count,
                    Source = $"IDMC IDU ({RegisterTable.Cell(cells, type).ToLowerInvariant()})",
                });
            }
        }
        return figures;
    }

    /// <summary>
    /// UNHCR solutions: returns to the country of origin in the year, refugees (RET) and internally displaced (RDP)
    /// together, one figure per origin and asylum country; resettlement and naturalisation are not returns.
    /// </summary>
    private static List<DisplacementFigure> Unhcr(RegisterTable table, List<RowError> errors)
    {
        if (Missing(table, errors, "Year", "ISO3CoO", "ISO3CoA", "RET", "RDP"))
        {
            return [];
        }
        var (year, origin, asylum, ret, rdp) = (table.Column("Year"), table.Column("ISO3CoO"), table.Column("ISO3CoA"), table.Column("RET"), table.Column("RDP"));
        var figures = new List<DisplacementFigure>();
        foreach (var (line, cells) in table.Rows)
        {
            var country = Country(RegisterTable.Cell(cells, origin), line, "ISO3CoO", errors);
            var from = Country(RegisterTable.Cell(cells, asylum), line, "ISO3CoA", errors);
            var y = Year(RegisterTable.Cell(cells, year), line, "Year", errors);
            var refugees = Figure(RegisterTable.Cell(cells, ret), line, "RET", errors);
            var idps = Figure(RegisterTable.Cell(cells, rdp), line, "RDP", errors);
            if (country is not null && from is not null && y is { } at)
            {
                figures.Add(new DisplacementFigure
                {
                    Id = IdOf($"unhcr-solutions|{country}|{from}|{at}"), Country = country, Date = new DateOnly(at, 12, 31),
                    Returns = refugees is null && idps is null ? null : (refugees ?? 0) + (idps ?? 0), Source = $"UNHCR solutions (from {from})",
                });
            }
        }
        return figures;
    }

    /// <summary>A count of people: empty is "not given"; anything else must be a whole number, not negative.</summary>
    public static long? Figure(string text, int line, string field, List<RowError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value))
        {
            errors.Add(new RowError(line, field, $"'{text}' is not a whole number of people."));
            return null;
        }
        if (value < 0)
        {
            errors.Add(new RowError(line, field, $"'{text}' is negative; a count of people cannot be."));
            return null;
        }
        return (long)value;
    }

    private static string? Country(string text, int line, string field, List<RowError> errors)
    {
        // IDMC codes areas without an ISO code of their own the same way (AB9: the Abyei area).
        if (text.Length == 3 && text.All(char.IsAsciiLetterOrDigit))
        {
            return text.ToUpperInvariant();
        }
        errors.Add(new RowError(line, field, $"'{text}' is not a country code (ISO 3166-1 alpha-3, or IDMC's three-character code for an area without one)."));
        return null;
    }

    private static int? Year(string text, int line, string field, List<RowError> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            return year;
        }
        errors.Add(new RowError(line, field, $"'{text}' is not a year."));
        return null;
    }

    private static bool Missing(RegisterTable table, List<RowError> errors, params string[] columns)
    {
        foreach (var column in table.Missing(columns))
        {
            errors.Add(new RowError(1, column, $"the header has no column '{column}'; is this the right file?"));
        }
        return errors.Count > 0;
    }

    /// <summary>A stable id for a source row (the first 16 bytes of its key's SHA-256), so a re-import recognises it.</summary>
    public static Guid IdOf(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
