using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Import;

/// <summary>
/// How an import runs. <see cref="BatchSize"/> events are read, looked up and written at a time (what memory holds);
/// <see cref="CommitSize"/> events go in one transaction, a commit (and its sync) per that many: each commit of an
/// import rewrites every index page its events touched, and with keys spread over the indexes (the cell index is
/// spatial) a larger transaction touches each page once for many events instead of once per few.
/// </summary>
public sealed record ImportOptions(Visibility Visibility = Visibility.Internal, bool SkipInvalid = false, int BatchSize = 5000, int CommitSize = 50_000);

/// <summary>How far an import has got: rows checked or written, out of the total once the first pass knows it.</summary>
public sealed record ImportProgress(string Phase, long Rows, long? Total);

/// <summary>What an import did. <see cref="Refused"/>: nothing was written because of <see cref="Errors"/>.</summary>
public sealed record ImportSummary(long Read, long Imported, long Updated, long Unchanged, long Rejected, bool Refused, IReadOnlyList<RowError> Errors)
{
    public Failure ToFailure() => new(FailureKind.Invalid,
        Refused ? $"The file has {Rejected} bad row(s); nothing was imported (--skip-invalid imports the others)." : $"{Rejected} row(s) were not imported.",
        Errors.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}

/// <summary>
/// Imports a dataset's events as observations, streaming in constant memory. By default a first pass
/// checks every row and a file with any bad row imports nothing; the second pass writes in batches, several
/// batches to a transaction (<see cref="ImportOptions.CommitSize"/>): new events (and the incidents they start) through
/// <see cref="TruceDb.BulkInsertAsync"/>, joined and corrected incidents and observations through
/// <see cref="TruceDb.SaveChangesAsync(bool, CancellationToken)"/>, so every record is journaled exactly as
/// any other write. A re-import finds each event by its source and id: unchanged rows are left alone,
/// changed ones are updated, none is duplicated.
/// </summary>
public static class Importer
{
    public const int ProgressEvery = 10_000;

    public static async Task<Result<ImportSummary>> RunAsync(Store store, Viewer actor, Func<DateTimeOffset, IEnumerable<ImportRow>> rows,
        ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Operation.ImportEvents))
        {
            return Failure.Forbidden($"Only an analyst or administrator may import datasets.");
        }
        var now = Instant.Now(store.Clock);
        HashSet<string> parties;
        await using (var lookup = store.Open(actor))
        {
            parties = [.. await lookup.Parties.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken)];
        }
        // Every row meets the API's own rules before anything else looks at it.
        IEnumerable<ImportRow> Checked(DateTimeOffset at) => rows(at).Select(row => Validate(row, actor, parties, options.Visibility, at));
        long? total = null;
        if (!options.SkipInvalid)
        {
            ImportSummary check;
            using (WriteTelemetry.Begin("import.check"))
            {
                check = await CheckAsync(store, actor, Checked(now), options.BatchSize, progress, cancellationToken);
            }
            if (check.Refused)
            {
                return check;
            }
            total = check.Read;
        }

        await using var db = store.Open(actor);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Held open for the whole import, so that the bulk lane's prepared inserts stay prepared.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.WidenPageCacheAsync(cancellationToken);
        await using var transaction = new ImportTransaction(db, options.CommitSize);
        // Two stages on two cores: the file is read, mapped and checked a batch ahead while the store writes the batch before.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(Checked(now), actor, options, now, total, progress, batches.Writer, stop.Token), CancellationToken.None);
        var counts = new Counts([]);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(transaction, batch.Events.Values, batch.Lines, counts, now, cancellationToken);
            }
        }
        finally
        {
            // Writing stopped (done, failed or cancelled): reading stops too, and whatever it threw is not left unobserved.
            await stop.CancelAsync();
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var read = await reading;
        if (read.Fatal is { } fatal)
        {
            return new ImportSummary(read.Rows, 0, 0, 0, fatal.Errors.Count, Refused: true, fatal.Errors);
        }
        await transaction.CommitAsync(cancellationToken);
        await db.EndBulkWriteAsync(cancellationToken);
        progress?.Report(new ImportProgress("importing", read.Rows, total));
        // Rows refused as read and rows refused as written, in the file's order.
        var errors = read.Errors.Concat(counts.Errors).OrderBy(e => e.Line).ToList();
        return new ImportSummary(read.Rows, counts.Added, counts.Updated, counts.Unchanged, read.Rejected + counts.Rejected, Refused: false, errors);
    }

    /// <summary>A batch of events to write: at most one row per event id, with the line each came from.</summary>
    private sealed record ImportBatch(Dictionary<Guid, Observation> Events, Dictionary<Guid, int> Lines);

    /// <summary>What the reading stage saw: rows read, rows refused as read and why, or the fatal row that stops the import.</summary>
    private sealed record ReadOutcome(long Rows, long Rejected, List<RowError> Errors, ImportRow? Fatal);

    /// <summary>
    /// The second pass's reading stage: rows checked by the API's rules and completed, handed on in batches of at most
    /// <see cref="ImportOptions.BatchSize"/> events (one waits while the store writes the one before, so memory holds three).
    /// </summary>
    private static async Task<ReadOutcome> ReadAsync(IEnumerable<ImportRow> rows, Viewer actor, ImportOptions options, DateTimeOffset now, long? total,
        IProgress<ImportProgress>? progress, ChannelWriter<ImportBatch> batches, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        long read = 0, rejected = 0;
        var batch = new ImportBatch([], []);
        try
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.Fatal)
                {
                    batches.Complete();
                    return new ReadOutcome(read, rejected, errors, row);
                }
                read++;
                if (row.Observation is not { } observation)
                {
                    rejected++;
                    errors.AddRange(row.Errors);
                    continue;
                }
                Complete(observation, actor, options.Visibility, now);
                if (batch.Events.ContainsKey(observation.Id) || batch.Events.Count >= options.BatchSize)
                {
                    // The same event twice in one file: the later row is written after the earlier, as a change to it.
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = new ImportBatch([], []);
                }
                batch.Events[observation.Id] = observation;
                batch.Lines[observation.Id] = row.Line;
                if (read % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress("importing", read, total));
                }
            }
            if (batch.Events.Count > 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }
            batches.Complete();
            return new ReadOutcome(read, rejected, errors, null);
        }
        catch (Exception e)
        {
            batches.TryComplete(e);
            throw;
        }
    }

    /// <summary>
    /// The first pass: every row's own errors, and (a batch at a time, against the store) every row that would
    /// rewrite a record no import of its source wrote.
    /// </summary>
    private static async Task<ImportSummary> CheckAsync(Store store, Viewer actor, IEnumerable<ImportRow> rows, int batchSize,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        long read = 0, rejected = 0;
        await using var db = store.Open(actor);
        var pending = new List<(int Line, Observation Observation)>();
        async Task CheckOwnersAsync()
        {
            var stored = await StoredAsync(db, [.. pending.Select(p => p.Observation)], cancellationToken);
            foreach (var (line, observation) in pending)
            {
                if (stored.TryGetValue(observation.Id, out var found) && Foreign(found, observation) is { } error)
                {
                    rejected++;
                    errors.Add(error with { Line = line });
                }
            }
            pending.Clear();
        }
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Fatal)
            {
                return new ImportSummary(read, 0, 0, 0, row.Errors.Count, Refused: true, row.Errors);
            }
            read++;
            if (row.Errors.Count > 0)
            {
                rejected++;
                errors.AddRange(row.Errors);
            }
            else if (row.Observation is { } observation)
            {
                pending.Add((row.Line, observation));
                if (pending.Count >= batchSize)
                {
                    await CheckOwnersAsync();
                }
            }
            if (read % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress("checking", read, null));
            }
        }
        await CheckOwnersAsync();
        return new ImportSummary(read, 0, 0, 0, rejected, Refused: rejected > 0, [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>
    /// Nobody's report is rewritten in place: an import may change only a record that an import of the same
    /// source wrote. An import's record is known by its submission hash, which is the hash of its own content
    /// (<see cref="Content"/>); a report submitted through the API or a form carries the hash of the body its
    /// reporter sent, which no content reproduces. Null when the row may update the record.
    /// </summary>
    private static RowError? Foreign(Observation stored, Observation incoming)
    {
        var imported = stored.SubmissionHash == Submission.Hash(Content.Of(stored));
        if (imported && string.Equals(stored.Source, incoming.Source, StringComparison.Ordinal))
        {
            return null;
        }
        var field = stored.Id == incoming.Id ? "id" : "source_id";
        return new RowError(0, field, imported
            ? $"the store's observation {stored.Id} came from another source ('{Submission.Clip(stored.Source)}'); an import changes only what an import of the same source wrote."
            : $"the store's observation {stored.Id} is a report submitted through the API or a form; an import never rewrites a report (a correction is a new record).");
    }

    /// <summary>
    /// One set of rules for every way in: the observation a layout mapped is submitted to
    /// <see cref="ObservationRules.Build"/> exactly as the API's body would be (ranges, parties of the mission,
    /// control characters, instants, text normalised once), and each refusal becomes an error of the row's line.
    /// </summary>
    private static ImportRow Validate(ImportRow row, Viewer actor, ISet<string> parties, Visibility visibility, DateTimeOffset now)
    {
        if (row.Observation is not { } mapped)
        {
            return row;
        }
        if (mapped.Id == Guid.Empty)
        {
            mapped.Id = ImportIds.ObservationOf(mapped.Source, mapped.SourceExternalId ?? "", mapped.ObservedFrom);
        }
        var built = ObservationRules.Build(new ObservationInput
        {
            Id = mapped.Id,
            ObservedFrom = TruceLayout.Iso(mapped.ObservedFrom),
            ObservedTo = TruceLayout.Iso(mapped.ObservedTo),
            TimePrecision = Slug.Of(mapped.TimePrecision),
            Latitude = mapped.Latitude,
            Longitude = mapped.Longitude,
            LocationPrecisionM = mapped.LocationPrecisionM,
            AreaName = mapped.AreaName,
            Category = Slug.Of(mapped.Category),
            Count = mapped.Count,
            Sensor = Slug.Of(mapped.Sensor),
            CiviliansKilled = mapped.CiviliansKilled,
            CiviliansInjured = mapped.CiviliansInjured,
            CombatantsKilled = mapped.CombatantsKilled,
            CombatantsInjured = mapped.CombatantsInjured,
            AllegedParty = mapped.AllegedPartyId,
            Narrative = mapped.Narrative,
            Source = mapped.Source,
            SourceExternalId = mapped.SourceExternalId,
            Visibility = Slug.Of(visibility),
        }, actor, parties, now);
        // The dataset's own precision codes are the one field the API's body has not: the same text rule.
        var extra = new FieldErrors();
        var precision = Submission.Text(mapped.SourcePrecision, "sourcePrecision", 200, extra);
        if (built.Failure is not null || extra.Any)
        {
            var errors = (built.Failure?.Errors ?? new Dictionary<string, string[]>()).Concat(extra.Any ? extra.ToFailure().Errors : []);
            return row with
            {
                Observation = null,
                Errors = [.. errors.SelectMany(e => e.Value.Select(m => new RowError(row.Line, Column(e.Key), m)))],
            };
        }
        var observation = built.Value!;
        observation.SourcePrecision = precision;
        return row with { Observation = observation };
    }

    /// <summary>The file's name for a field of the API's body (Truce's own layout names its columns so).</summary>
    private static string Column(string field) => field switch
    {
        "sourceExternalId" => "source_id",
        "observedAt" => "observed_from",
        _ => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(field),
    };

    /// <summary>What the store adds to a mapped row: its id, reporter, visibility and the hash that tells a changed row from an unchanged one.</summary>
    private static void Complete(Observation observation, Viewer actor, Visibility visibility, DateTimeOffset now)
    {
        if (observation.Id == Guid.Empty)
        {
            observation.Id = ImportIds.ObservationOf(observation.Source, observation.SourceExternalId ?? "", observation.ObservedFrom);
        }
        observation.Visibility = visibility;
        observation.ReporterId = actor.UserId ?? Guid.Empty;
        observation.ReceivedAt = now;
        observation.SubmissionHash = Submission.Hash(Content.Of(observation));
    }

    private sealed class Counts(List<RowError> errors)
    {
        public List<RowError> Errors { get; } = errors;

        public long Rejected;
        public long Added;
        public long Updated;
        public long Unchanged;
    }

    private static async Task WriteAsync(ImportTransaction transaction, Dictionary<Guid, Observation>.ValueCollection batch, Dictionary<Guid, int> lines,
        Counts counts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var db = transaction.Db;
        Dictionary<Guid, Observation> stored;
        using (WriteTelemetry.Begin("import.lookup"))
        {
            stored = await StoredAsync(db, batch, cancellationToken);
        }
        var added = new List<Observation>();
        var changed = new Dictionary<Guid, Observation>();
        foreach (var incoming in batch)
        {
            if (!stored.TryGetValue(incoming.Id, out var found))
            {
                added.Add(incoming);
            }
            else if (Foreign(found, incoming) is { } error)
            {
                // Checked in the first pass too; here for --skip-invalid and for a record written since.
                counts.Rejected++;
                counts.Errors.Add(error with { Line = lines[incoming.Id] });
            }
            else if (found.SubmissionHash == incoming.SubmissionHash)
            {
                counts.Unchanged++;
            }
            else
            {
                changed[found.Id] = incoming;
            }
        }

        await transaction.BeginAsync(cancellationToken);
        IReadOnlyList<Incident> created;
        using (WriteTelemetry.Begin("import.attach"))
        {
            created = await ImportIncidents.AttachAsync(db, added, now, cancellationToken);
        }
        var records = new List<object>(added.Count + created.Count);
        records.AddRange(added);
        records.AddRange(created);
        await db.BulkInsertAsync(records, cancellationToken);
        if (changed.Count > 0)
        {
            // Corrections are rare: they take the change tracker, which journals each as an update.
            var ids = changed.Keys.ToList();
            var updated = await db.Observations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
            foreach (var observation in updated)
            {
                Content.Copy(changed[observation.Id], observation);
            }
            await ImportIncidents.RefreshAsync(db, updated, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        counts.Added += added.Count;
        counts.Updated += changed.Count;
        await transaction.WrittenAsync(batch.Count, cancellationToken);
    }

    /// <summary>
    /// What the store already holds of a batch's events, by incoming id: found by id, or by source and
    /// dataset id (an event submitted through the API under another id is still the same event).
    /// </summary>
    private static async Task<Dictionary<Guid, Observation>> StoredAsync(
        TruceDb db, IReadOnlyCollection<Observation> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(o => o.Id).ToList();
        // EF.Parameter: the ids go as one array parameter (json_each, = ANY), not thousands of bound values.
        var stored = await db.Observations.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var group in batch.Where(o => !stored.ContainsKey(o.Id) && o.SourceExternalId is not null).GroupBy(o => o.Source))
        {
            var byExternalId = group.GroupBy(o => o.SourceExternalId!).ToDictionary(g => g.Key, g => g.First());
            var externalIds = byExternalId.Keys.ToList();
            var bySource = await db.Observations.AsNoTracking().Where(o => o.Source == group.Key && EF.Parameter(externalIds).Contains(o.SourceExternalId!))
                .ToListAsync(cancellationToken);
            foreach (var found in bySource)
            {
                stored[byExternalId[found.SourceExternalId!].Id] = found;
            }
        }
        return stored;
    }

    /// <summary>The fields an import sets; their hash tells whether a re-imported row changed.</summary>
    private sealed record Content(
        DateTimeOffset ObservedFrom, DateTimeOffset ObservedTo, TimePrecision TimePrecision, double Latitude, double Longitude,
        int LocationPrecisionM, string? AreaName, Category Category, Sensor Sensor, int Count, int CiviliansKilled, int CiviliansInjured,
        int CombatantsKilled, int CombatantsInjured, string? AllegedPartyId, string Narrative, string Source, string? SourceExternalId,
        string? SourcePrecision, Visibility Visibility)
    {
        public static Content Of(Observation o) => new(o.ObservedFrom, o.ObservedTo, o.TimePrecision, o.Latitude, o.Longitude,
            o.LocationPrecisionM, o.AreaName, o.Category, o.Sensor, o.Count, o.CiviliansKilled, o.CiviliansInjured,
            o.CombatantsKilled, o.CombatantsInjured, o.AllegedPartyId, o.Narrative, o.Source, o.SourceExternalId,
            o.SourcePrecision, o.Visibility);

        public static void Copy(Observation from, Observation to)
        {
            to.ObservedFrom = from.ObservedFrom;
            to.ObservedTo = from.ObservedTo;
            to.TimePrecision = from.TimePrecision;
            to.Latitude = from.Latitude;
            to.Longitude = from.Longitude;
            to.LocationPrecisionM = from.LocationPrecisionM;
            to.AreaName = from.AreaName;
            to.Cell = from.Cell;
            to.Category = from.Category;
            to.Sensor = from.Sensor;
            to.Count = from.Count;
            to.CiviliansKilled = from.CiviliansKilled;
            to.CiviliansInjured = from.CiviliansInjured;
            to.CombatantsKilled = from.CombatantsKilled;
            to.CombatantsInjured = from.CombatantsInjured;
            to.AllegedPartyId = from.AllegedPartyId;
            to.Narrative = from.Narrative;
            to.Source = from.Source;
            to.SourceExternalId = from.SourceExternalId;
            to.SourcePrecision = from.SourcePrecision;
            to.Visibility = from.Visibility;
            to.SubmissionHash = from.SubmissionHash;
        }
    }
}
