using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Truce.Access;
using Truce.Activities;
using Truce.Geo;
using Truce.Hotline;
using Truce.Journal;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Storage;

/// <summary>
/// The mission's store. Every write goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>,
/// which appends one chained journal entry per changed record in the same transaction; there is no
/// other way to write.
/// </summary>
public abstract class TruceDb(DbContextOptions options, TimeProvider clock) : DbContext(options)
{
    public TimeProvider Clock { get; } = clock;

    /// <summary>The store this unit of work was opened on (null for one built by design-time tools).</summary>
    public Store? Store { get; internal set; }

    /// <summary>Who the writes of this unit of work are recorded as.</summary>
    public Viewer Actor { get; set; } = Viewer.System;

    public abstract Engine Engine { get; }

    /// <summary>The grid, in metres, to which published positions are coarsened for the public.</summary>
    public int PublicPrecisionM { get; set; } = Store.DefaultPublicPrecisionM;

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<ObservationEvidence> ObservationEvidence => Set<ObservationEvidence>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<HotlineThread> HotlineThreads => Set<HotlineThread>();

    public DbSet<HotlineMessage> HotlineMessages => Set<HotlineMessage>();

    public DbSet<HotlineEscalation> HotlineEscalations => Set<HotlineEscalation>();

    public DbSet<NotifiedActivity> NotifiedActivities => Set<NotifiedActivity>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<Setting> Settings => Set<Setting>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not JournalEntry)
            .ToList();
        if (changed.Count == 0)
        {
            return 0;
        }
        foreach (var entry in changed.Where(e => e.State != EntityState.Deleted))
        {
            Normalize(entry);
        }
        // A modified record whose value only now took its stored form must have that column written too.
        ChangeTracker.DetectChanges();

        return await InJournalTransactionAsync(async (previous, at) =>
        {
            foreach (var entry in changed)
            {
                var journalEntry = Describe(entry, at);
                JournalChain.Seal(journalEntry, previous);
                Journal.Add(journalEntry);
                previous = journalEntry;
            }
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The bulk lane of the same journaled write: inserts new records (of any entity types, in the order
    /// given) with exactly the journal entries <see cref="SaveChangesAsync(bool, CancellationToken)"/> would
    /// append for them, built by the same snapshot code and sealed under the same lock, in one transaction
    /// (the caller's, when one is open). The rows go to the engine without the change tracker: SQLite
    /// through prepared commands reused for the life of this context, PostgreSQL through binary COPY.
    /// The records are not tracked afterwards.
    /// </summary>
    public async Task<int> BulkInsertAsync(IReadOnlyList<object> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return 0;
        }
        // Snapshots and keys before the lock: only the chain and the statements are left inside it.
        var actor = Actor.JournalName;
        // The model is read here, on this thread: a context is not to be used from two at once.
        var shapes = records.Select(r => r.GetType()).Distinct().ToDictionary(t => t, t => ShapeOf(Model.FindEntityType(t)
            ?? throw new ArgumentException($"{t.Name} is not a record of the store.", nameof(records))));
        var prepared = new PreparedInsert[records.Count];
        void Prepare(int i) => prepared[i] = new PreparedInsert(shapes[records[i].GetType()], records[i], actor);
        using (WriteTelemetry.Begin("snapshot"))
        {
            if (records.Count < ParallelPrepareFrom)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    Prepare(i);
                }
            }
            else
            {
                // Each record's snapshot is its own (one JSON writer per thread): a large batch is made ready on every core.
                try
                {
                    Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, Prepare);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count > 0)
                {
                    // What one record threw, as the loop above would throw it.
                    ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
                }
            }
        }
        return await InsertPreparedAsync(prepared, cancellationToken);
    }

    /// <summary>From this many records a bulk insert builds their snapshots in parallel (below it, starting the threads costs more).</summary>
    private const int ParallelPrepareFrom = 256;

    /// <summary>
    /// The one bulk writer, which <see cref="BulkInsertAsync"/>, the group commit and the importer share: under the
    /// journal lock, it chains one insert entry per prepared record onto the last entry and writes the rows and the
    /// entries without the change tracker. A row the engine refuses (a key already stored, say) fails the whole
    /// write as a <see cref="DbUpdateException"/>, as SaveChanges would.
    /// </summary>
    internal async Task<int> InsertPreparedAsync(IReadOnlyList<PreparedInsert> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return 0;
        }
        return await InJournalTransactionAsync(async (previous, at) =>
        {
            var entries = new object[records.Count];
            var tables = new Dictionary<RecordShape, List<object>>();
            var chain = WriteTelemetry.Begin("journal.chain");
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var entry = new JournalEntry
                {
                    At = at,
                    Actor = record.Actor,
                    Action = "insert",
                    Entity = record.Shape.Table,
                    RecordKey = record.Key,
                    After = record.Snapshot,
                };
                JournalChain.Seal(entry, previous);
                entries[i] = entry;
                previous = entry;
                if (!tables.TryGetValue(record.Shape, out var rows))
                {
                    tables[record.Shape] = rows = [];
                }
                rows.Add(record.Record);
            }
            chain.Dispose();
            try
            {
                await WriteTablesAsync([.. tables.Select(t => (t.Key, (IReadOnlyList<object>)t.Value)),
                    (ShapeOf(Model.FindEntityType(typeof(JournalEntry))!), entries)], cancellationToken);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"The bulk insert was refused: {e.Message}", e);
            }
            return records.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// The one way to append to the journal: in the caller's transaction or one of its own (queued behind the
    /// other writers of this process), under the journal lock, with the last entry to chain onto and the
    /// instant every entry of this write carries. Commits when it opened the transaction.
    /// </summary>
    private async Task<int> InJournalTransactionAsync(Func<JournalEntry?, DateTimeOffset, Task<int>> write, CancellationToken cancellationToken)
    {
        var owned = Database.CurrentTransaction is null;
        using var writer = owned ? await EnterWriterAsync(cancellationToken) : null;
        await using var transaction = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        JournalEntry? previous;
        using (WriteTelemetry.Begin("journal.lock"))
        {
            previous = await LockAndReadLastAsync(cancellationToken);
        }
        int written;
        using (WriteTelemetry.Begin("journal.write"))
        {
            written = await write(previous, Instant.Now(Clock));
        }
        if (transaction is not null)
        {
            using var commit = WriteTelemetry.Begin("commit");
            await transaction.CommitAsync(cancellationToken);
        }
        return written;
    }

    /// <summary>
    /// The observations that fall in any of the windows (cells and times overlapping), read in one query that
    /// probes an index once per window (on PostgreSQL once per window and week), however many windows there are.
    /// An observation in several windows comes back once per window.
    /// </summary>
    public abstract IQueryable<Observation> ObservationsIn(IReadOnlyList<CellWindow> windows);

    /// <summary>
    /// Takes the journal lock and reads the last entry under it: what the next entry chains onto (only its
    /// <see cref="JournalEntry.Seq"/> and <see cref="JournalEntry.Hash"/> are read from it).
    /// </summary>
    private protected virtual async Task<JournalEntry?> LockAndReadLastAsync(CancellationToken cancellationToken)
    {
        await LockJournalAsync(cancellationToken);
        return await Journal.AsNoTracking().OrderByDescending(e => e.Seq).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Inserts the rows of each table in turn (in the order given) in the open transaction; no journal, no tracking.</summary>
    private protected virtual async Task WriteTablesAsync(IReadOnlyList<(RecordShape Shape, IReadOnlyList<object> Rows)> tables, CancellationToken cancellationToken)
    {
        foreach (var (shape, rows) in tables)
        {
            await WriteRowsAsync(shape, rows, cancellationToken);
        }
    }

    /// <summary>Inserts rows of one table in the open transaction, as fast as the engine allows; no journal, no tracking.</summary>
    private protected abstract Task WriteRowsAsync(RecordShape shape, IReadOnlyList<object> rows, CancellationToken cancellationToken);

    /// <summary>Serialises writers so that each entry is chained to the one committed just before it.</summary>
    protected abstract Task LockJournalAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues this process's writers before they begin a transaction, where the engine's own lock would make
    /// them wait badly; null where it needs no help. Released when the unit of work is committed or rolled back.
    /// </summary>
    /// <summary>
    /// For a long bulk write on an open connection: lets the engine keep more of the indexes in memory. SQLite's
    /// default page cache is 2 MB, so as an import's file grows most inserts evict a page another insert needs next.
    /// </summary>
    public virtual Task WidenPageCacheAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// A long bulk write has committed for the <paramref name="commits"/>th time, with no transaction open: the engine may
    /// bring what it knows of the grown tables up to date before the next batch's statements are planned.
    /// </summary>
    public virtual Task BulkWriteCommittedAsync(int commits, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>After a long bulk write (committed): the connection goes back to the settings every other writer uses.</summary>
    public virtual Task EndBulkWriteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    protected virtual Task<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>The record types of the store: every type with a configuration beside it in this assembly.</summary>
    internal static IReadOnlyList<Type> RecordTypes { get; } = [.. typeof(TruceDb).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
        .Select(i => i.GetGenericArguments()[0])
        .Distinct()];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every enum of every record is stored as its slug, the word the API uses, so that a new enum needs no line here.
        var enums = RecordTypes.SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum)
            .Distinct();
        foreach (var type in enums)
        {
            configurationBuilder.Properties(type).HaveConversion(typeof(SlugConverter<>).MakeGenericType(type));
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TruceDb).Assembly);

    private JournalEntry Describe(EntityEntry entry, DateTimeOffset at)
    {
        var type = entry.Metadata;
        return new JournalEntry
        {
            At = at,
            Actor = Actor.JournalName,
            Action = entry.State switch
            {
                EntityState.Added => "insert",
                EntityState.Deleted => "delete",
                _ => "update",
            },
            Entity = EntityName(type),
            RecordKey = KeyOf(type, entry.CurrentValues),
            Before = entry.State == EntityState.Added ? null : Snapshot(type, entry.OriginalValues),
            After = entry.State == EntityState.Deleted ? null : Snapshot(type, entry.CurrentValues),
        };
    }

    /// <summary>
    /// Puts every value of a record about to be written in its one stored form (<see cref="StoredValue"/>), so
    /// that the journal's snapshot and the row hold the same value, whichever way in the record came.
    /// </summary>
    private static void Normalize(EntityEntry entry)
    {
        // On the record itself, not through the change tracker, which takes -0.0 for 0.0 and would keep the -0.
        foreach (var column in ShapeOf(entry.Metadata).Columns)
        {
            column.Normalize(entry.Entity);
        }
    }

    /// <summary>The name a record's table goes by in the journal.</summary>
    internal static string EntityName(IEntityType type) => type.GetTableName() ?? type.ShortName();

    internal static RecordShape ShapeOf(IEntityType type) => RecordShape.Of(type);

    /// <summary>A record's key as the journal writes it: its key columns' values joined by '/'.</summary>
    internal static string KeyOf(IEntityType type, PropertyValues values) =>
        KeyOf(ShapeOf(type), values, static (v, c) => v[c.Property]);

    /// <summary>
    /// The record's columns as canonical JSON: sorted by column name, instants to the microsecond in UTC,
    /// enums by slug. Secrets and file contents are replaced by their SHA-256, so the journal proves them
    /// without exposing them.
    /// </summary>
    internal static string Snapshot(IEntityType type, PropertyValues values) =>
        Snapshot(ShapeOf(type), values, static (v, c) => v[c.Property]);

    /// <summary>The same snapshot read from the record itself rather than from the change tracker (the bulk lane).</summary>
    internal static string Snapshot(RecordShape shape, object record) =>
        Snapshot(shape, record, static (r, c) => c.Get(r));

    internal static string KeyOf(RecordShape shape, object record) =>
        KeyOf(shape, record, static (r, c) => c.Get(r));

    /// <summary>The snapshot of a row read column by column, values in <see cref="RecordShape.Columns"/> order (the verifier's raw read).</summary>
    internal static string Snapshot(RecordShape shape, object?[] values) =>
        Snapshot(shape, values, static (v, c) => v[c.Ordinal]);

    internal static string KeyOf(RecordShape shape, object?[] values) =>
        KeyOf(shape, values, static (v, c) => v[c.Ordinal]);

    private static string KeyOf<TSource>(RecordShape shape, TSource source, Func<TSource, RecordColumn, object?> read) =>
        shape.Key.Count == 1 ? Format(read(source, shape.Key[0])) : string.Join('/', shape.Key.Select(c => Format(read(source, c))));

    private static string Snapshot<TSource>(RecordShape shape, TSource source, Func<TSource, RecordColumn, object?> read)
    {
        // One buffer and writer per thread, reused: a snapshot is built per record on the bulk lane's hot path.
        var buffer = SnapshotBuffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = SnapshotWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var column in shape.Sorted)
        {
            writer.WritePropertyName(column.Utf8Name);
            var value = read(source, column);
            if (column.Secret && value is string secret)
            {
                value = Encoding.UTF8.GetBytes(secret);
            }
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? SnapshotBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? SnapshotWriter;

    /// <summary>Each enum value's journal word, worked out once (the snake_case of its name, as <see cref="Format"/> gives it).</summary>
    private static readonly ConcurrentDictionary<Enum, string> EnumWords = new();

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case byte[] bytes: writer.WriteStringValue("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes))); break;
            case string text: writer.WriteStringValue(text); break;
            // The same text Format gives, written without building the string first.
            case DateTimeOffset instant:
                Span<char> time = stackalloc char[InstantFormat.Length];
                instant.UtcDateTime.TryFormat(time, out var length, InstantFormat, CultureInfo.InvariantCulture);
                writer.WriteStringValue(time[..length]);
                break;
            case Guid guid:
                Span<char> id = stackalloc char[36];
                guid.TryFormat(id, out _, "D");
                writer.WriteStringValue(id);
                break;
            default: writer.WriteStringValue(Format(value)); break;
        }
    }

    /// <summary>An instant in the journal: UTC, to the microsecond.</summary>
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset instant => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        Enum e => EnumWords.GetOrAdd(e, static e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString())),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
