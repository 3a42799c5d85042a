using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Gazetteer;

/// <summary>
/// Loads GeoNames' main table or its alternateNamesV2 into the gazetteer, streaming in constant memory. A first
/// pass reads every line and refuses the whole file for any bad one (line and field named), including an alternate
/// name of a place the gazetteer does not hold; the second pass writes everything in one transaction, in batches
/// through the journaled bulk lane, so a file is imported whole or not at all. A place or name already stored
/// (same GeoNames id) is left as it is and counted as existing, so a re-import adds only what is new.
/// </summary>
public static class GeoNamesImport
{
    public const int BatchSize = 5_000;

    /// <summary>The most errors kept to report (all are counted).</summary>
    public const int MaxErrors = 100;

    public static Task<Result<GeoNamesSummary>> PlacesAsync(Store store, Viewer actor, string path,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(store, actor, path, GeoNamesFormat.Main, progress, cancellationToken);

    public static Task<Result<GeoNamesSummary>> AlternatesAsync(Store store, Viewer actor, string path,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(store, actor, path, GeoNamesFormat.Alternate, progress, cancellationToken);

    private static async Task<Result<GeoNamesSummary>> RunAsync(Store store, Viewer actor, string path, Func<int, string, GeoNamesRow> parse,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!actor.Can(Operation.ImportEvents))
        {
            return Failure.Forbidden($"Only an analyst or administrator may import datasets.");
        }
        IEnumerable<GeoNamesRow> Rows() => GeoNamesFormat.Lines(path).Select(l => parse(l.Line, l.Text));

        var check = await CheckAsync(store, actor, Rows(), progress, cancellationToken);
        if (check.Refused)
        {
            return check;
        }

        long read = 0, places = 0, names = 0, existing = 0, skipped = 0;
        var batch = new List<GeoNamesRow>(BatchSize);
        await using var db = store.Open(actor);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Held open for the whole import, so that the bulk lane's prepared inserts stay prepared.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        async Task WriteAsync()
        {
            var written = await WriteBatchAsync(db, batch, cancellationToken);
            places += written.Places;
            names += written.Names;
            existing += written.Existing;
            batch.Clear();
        }
        foreach (var row in Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            if (row.Skipped)
            {
                skipped++;
                continue;
            }
            batch.Add(row);
            if (batch.Count >= BatchSize)
            {
                await WriteAsync();
            }
            if (read % Importer.ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress("importing", read, check.Read));
            }
        }
        await WriteAsync();
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new ImportProgress("importing", read, check.Read));
        return new GeoNamesSummary(read, places, names, existing, skipped, [], 0);
    }

    /// <summary>The first pass: every line's own errors, and (a batch at a time) names of places the gazetteer lacks.</summary>
    private static async Task<GeoNamesSummary> CheckAsync(Store store, Viewer actor, IEnumerable<GeoNamesRow> rows,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        long read = 0, rejected = 0;
        var pending = new List<(int Line, string PlaceId)>();
        await using var db = store.Open(actor);
        async Task CheckPlacesAsync()
        {
            var ids = pending.Select(p => p.PlaceId).Distinct().ToList();
            var known = (await db.Set<Place>().AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (line, placeId) in pending.Where(p => !known.Contains(p.PlaceId)))
            {
                rejected++;
                if (errors.Count < MaxErrors)
                {
                    errors.Add(new RowError(line, "geonameid", $"no place {placeId} in the gazetteer: import the main table (truce import geonames) first."));
                }
            }
            pending.Clear();
        }
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            if (row.Errors.Count > 0)
            {
                rejected++;
                errors.AddRange(row.Errors.Take(Math.Max(0, MaxErrors - errors.Count)));
            }
            else if (row.Place is null && row.Names.Count > 0)
            {
                pending.Add((row.Line, row.Names[0].PlaceId));
                if (pending.Count >= BatchSize)
                {
                    await CheckPlacesAsync();
                }
            }
            if (read % Importer.ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress("checking", read, null));
            }
        }
        await CheckPlacesAsync();
        return new GeoNamesSummary(read, 0, 0, 0, 0, [.. errors.OrderBy(e => e.Line)], rejected);
    }

    private static async Task<(long Places, long Names, long Existing)> WriteBatchAsync(TruceDb db, List<GeoNamesRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }
        var placeIds = batch.Where(r => r.Place is not null).Select(r => r.Place!.Id).Distinct().ToList();
        var storedPlaces = placeIds.Count == 0 ? [] : (await db.Set<Place>().AsNoTracking()
            .Where(p => EF.Parameter(placeIds).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var nameIds = batch.SelectMany(r => r.Names).Select(n => n.Id).Distinct().ToList();
        var storedNames = (await db.Set<PlaceName>().AsNoTracking()
            .Where(n => EF.Parameter(nameIds).Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
        var records = new List<object>();
        var names = new List<object>();
        long existing = 0;
        foreach (var row in batch)
        {
            if (row.Place is { } place)
            {
                // A place already stored (or twice in this file) is left as it is, with the names it has.
                if (!storedPlaces.Add(place.Id))
                {
                    existing++;
                    continue;
                }
                records.Add(place);
            }
            foreach (var name in row.Names)
            {
                if (storedNames.Add(name.Id))
                {
                    names.Add(name);
                }
                else if (row.Place is null)
                {
                    existing++;
                }
            }
        }
        var placesAdded = records.Count;
        // Places before their names, so that each name's place exists when it is written.
        records.AddRange(names);
        await db.BulkInsertAsync(records, cancellationToken);
        return (placesAdded, names.Count, existing);
    }
}
