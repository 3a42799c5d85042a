using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Humanitarian;
using Truce.Import;
using Truce.Storage;

namespace Truce.MineAction;

/// <summary>
/// Imports the RELand landmine grid (Dulce Rubio et al., ACM JCSS 2024; data/mine_action) as a demonstration hazard
/// layer: each cell with landmine events (mines_outcome 1) a confirmed hazardous area, each cell declared mine-free (0)
/// a cancelled one, as the grid's 1 km square around the cell's centre; cells with no historical data (-1) are passed
/// over and counted. The model's predicted risk is not an observation and is not imported. Every line is checked
/// first; a bad one refuses the file. Ids derive from the cell id, so a re-import adds nothing twice.
/// </summary>
public static class RelandImport
{
    /// <summary>Half the grid's spacing: the cells' centres are 0.008974359° apart in latitude and longitude (about 1 km).</summary>
    private const double HalfCellDegrees = 0.008974359 / 2;

    public static async Task<Result<RelandSummary>> RunAsync(Store store, Viewer actor, string path, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Operation.WriteRegisters) || !actor.Can(Operation.TrackCommitments))
        {
            return Failure.Forbidden($"Only analysts and administrators import a hazard layer.");
        }
        var read = RegisterTable.Read(path);
        if (read.Failure is { } unreadable)
        {
            return unreadable;
        }
        var table = read.Value!;
        var errors = table.Missing("cell_id", "mines_outcome", "latitude", "longitude", "municipio")
            .Select(c => new RowError(1, c, $"the header has no column '{c}'; is this the RELand grid?")).ToList();
        if (errors.Count > 0)
        {
            return new RelandSummary(table.Rows.Count, 0, 0, 0, 0, errors);
        }
        var (cellColumn, outcomeColumn, latColumn, lonColumn, townColumn) =
            (table.Column("cell_id"), table.Column("mines_outcome"), table.Column("latitude"), table.Column("longitude"), table.Column("municipio"));
        var cells = new List<(long Cell, HazardStatus Status, double Lat, double Lon, string Town)>();
        var noData = 0;
        foreach (var (line, row) in table.Rows)
        {
            var cellText = RegisterTable.Cell(row, cellColumn);
            var outcome = RegisterTable.Cell(row, outcomeColumn);
            var cell = long.TryParse(cellText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (long?)null;
            if (cell is null)
            {
                errors.Add(new RowError(line, "cell_id", $"'{cellText}' is not a cell number."));
            }
            HazardStatus? status = outcome switch { "1" => HazardStatus.Confirmed, "0" => HazardStatus.Cancelled, _ => null };
            if (outcome is not ("1" or "0" or "-1"))
            {
                errors.Add(new RowError(line, "mines_outcome", $"'{outcome}' is not 1 (affected), 0 (declared mine-free) or -1 (no data)."));
                continue;
            }
            var lat = Degrees(RegisterTable.Cell(row, latColumn), 90, line, "latitude", errors);
            var lon = Degrees(RegisterTable.Cell(row, lonColumn), 180, line, "longitude", errors);
            if (status is null)
            {
                noData++;
            }
            else if (cell is { } id && lat is { } y && lon is { } x)
            {
                cells.Add((id, status.Value, y, x, RegisterTable.Cell(row, townColumn)));
            }
        }
        var duplicate = cells.GroupBy(c => c.Cell).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(new RowError(0, "cell_id", $"cell {duplicate.Key} is in the file more than once."));
        }
        if (errors.Count > 0)
        {
            return new RelandSummary(table.Rows.Count, 0, 0, 0, 0, errors);
        }
        await using var db = store.Open(actor);
        var stored = (await db.Set<HazardousArea>().AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var now = Instant.Now(db.Clock);
        var existing = 0;
        foreach (var (cell, status, lat, lon, town) in cells)
        {
            var id = DisplacementImport.IdOf($"reland|{cell}");
            if (stored.Contains(id))
            {
                existing++;
                continue;
            }
            db.Add(new HazardousArea
            {
                Id = id, Name = $"RELand cell {cell} ({town})", Status = status, GeometryJson = Square(lat, lon), CreatedAt = now, UpdatedAt = now, SubmissionHash = $"reland|{cell}",
            });
            db.Add(new HazardStatusChange
            {
                Id = DisplacementImport.IdOf($"reland|{cell}|recorded"), HazardousAreaId = id, To = status, By = actor.Name, At = now,
                Reason = status == HazardStatus.Confirmed ? "RELand grid: landmine events recorded in the cell" : "RELand grid: declared mine-free",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RelandSummary(table.Rows.Count, cells.Count(c => c.Status == HazardStatus.Confirmed), cells.Count(c => c.Status == HazardStatus.Cancelled), noData, existing, []);
    }

    private static double? Degrees(string text, double limit, int line, string field, List<RowError> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
        {
            return value;
        }
        errors.Add(new RowError(line, field, $"'{text}' is not a {field} in degrees."));
        return null;
    }

    /// <summary>The cell's square as an RFC 7946 Polygon, longitude first, counter-clockwise, closed.</summary>
    private static string Square(double lat, double lon)
    {
        var (s, n, w, e) = (lat - HalfCellDegrees, lat + HalfCellDegrees, lon - HalfCellDegrees, lon + HalfCellDegrees);
        return string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Polygon\",\"coordinates\":[[[{w:R},{s:R}],[{e:R},{s:R}],[{e:R},{n:R}],[{w:R},{n:R}],[{w:R},{s:R}]]]}}");
    }
}
