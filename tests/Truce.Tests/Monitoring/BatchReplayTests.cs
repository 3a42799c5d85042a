using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

/// <summary>
/// Issue 14: the group commit's writer checks the ids of a whole batch with one query. A batch that repeats an id
/// already stored and an id taken earlier in the same batch answers each caller as a lone retry would be answered.
/// </summary>
public sealed class BatchReplayTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Repeats_of_a_stored_id_and_of_an_id_earlier_in_the_same_batch_are_answered_as_retries(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        using var spans = new SpanRecorder();
        var stored = Json.Observation();
        var storedFirst = await monitor.PostAsync("/api/observations", stored);
        Assert.Equal(HttpStatusCode.Created, storedFirst.StatusCode);

        // Hold the store's write lock so that the writer stops inside one batch (the blocker) while the rest queue up.
        await using var hold = await WriteLock.TakeAsync(app.Location);
        var blocker = Json.Observation();
        var blocked = monitor.PostAsync("/api/observations", blocker);
        await spans.BatchCheckedAsync((Guid)blocker["id"]!);
        var fresh = Json.Observation();
        var freshFirst = monitor.PostAsync("/api/observations", fresh);
        await WaitingAsync(app, 1);
        var freshDifferent = new Dictionary<string, object?>(fresh) { ["count"] = 9 };
        var storedDifferent = new Dictionary<string, object?>(stored) { ["count"] = 7 };
        var rest = new[] { stored, storedDifferent, fresh, freshDifferent }.Select(body => monitor.PostAsync("/api/observations", body)).ToList();
        await WaitingAsync(app, 5);
        await hold.ReleaseAsync();

        Assert.Equal(HttpStatusCode.Created, (await blocked).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await freshFirst).StatusCode);
        var (storedAgain, storedClash, freshAgain, freshClash) = (await rest[0], await rest[1], await rest[2], await rest[3]);
        Assert.Equal(HttpStatusCode.OK, storedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, storedClash.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, freshClash.StatusCode);
        Assert.Equal(["id"], await Json.ProblemFieldsAsync(storedClash));
        Assert.Equal(["id"], await Json.ProblemFieldsAsync(freshClash));
        // A retry is answered with the first result: its receipt time and its count, not the clashing body's.
        Assert.Equal(ReceivedAt(await Json.ReadAsync(storedFirst)), ReceivedAt(await Json.ReadAsync(storedAgain)));
        Assert.Equal(ReceivedAt(await Json.ReadAsync(await freshFirst)), ReceivedAt(await Json.ReadAsync(freshAgain)));
        Assert.Equal(2, (await Json.ReadAsync(freshAgain)).GetProperty("count").GetInt32());

        // The four repeats and the fresh record were one batch, checked by one query.
        Assert.Equal(5, spans.LargestBatchOf([(Guid)stored["id"]!, (Guid)fresh["id"]!]));
        var ids = new[] { (Guid)stored["id"]!, (Guid)blocker["id"]!, (Guid)fresh["id"]! };
        var keys = ids.Select(id => id.ToString("D")).ToList();
        await using var db = app.Store.Open();
        Assert.Equal(3, await db.Observations.CountAsync(o => ids.Contains(o.Id)));
        Assert.Equal(3, await db.Journal.CountAsync(e => e.Entity == "observations" && keys.Contains(e.RecordKey)));
        Assert.Equal(2, (await db.Observations.SingleAsync(o => o.Id == (Guid)fresh["id"]!)).Count);
    }

    private static string? ReceivedAt(System.Text.Json.JsonElement observation) => observation.GetProperty("receivedAt").GetString();

    private static async Task WaitingAsync(TruceApp app, int count)
    {
        var until = Stopwatch.StartNew();
        while (app.Store.Commits.Waiting < count)
        {
            Assert.True(until.Elapsed < TimeSpan.FromSeconds(20), $"{app.Store.Commits.Waiting} of {count} submissions reached the queue.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The store's write lock held from another connection, as another process would hold it.</summary>
    private sealed class WriteLock : IAsyncDisposable
    {
        private readonly System.Data.Common.DbConnection _connection;
        private System.Data.Common.DbTransaction? _transaction;

        private WriteLock(System.Data.Common.DbConnection connection) => _connection = connection;

        public static async Task<WriteLock> TakeAsync(StoreLocation location)
        {
            System.Data.Common.DbConnection connection = location.Engine == Engine.Sqlite
                ? new SqliteConnection(location.ConnectionString)
                : new NpgsqlConnection(location.ConnectionString);
            await connection.OpenAsync();
            var held = new WriteLock(connection);
            // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's transactions) takes the file's write lock. PostgreSQL:
            // EXCLUSIVE still lets the writer read the journal but stops its insert into it.
            held._transaction = await connection.BeginTransactionAsync();
            if (location.Engine == Engine.Postgres)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = held._transaction;
                command.CommandText = "LOCK TABLE journal IN EXCLUSIVE MODE";
                await command.ExecuteNonQueryAsync();
            }
            return held;
        }

        public async Task ReleaseAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.RollbackAsync();
                await _transaction.DisposeAsync();
                _transaction = null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Listens to Truce.Write: which submission's span each batch links to, and when a batch has checked its ids.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentDictionary<ActivitySpanId, Activity> _submissions = new();
        private readonly ConcurrentBag<(int Size, ActivitySpanId[] Links)> _batches = [];
        private readonly ConcurrentBag<ActivitySpanId[]> _checked = [];

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == WriteTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = activity =>
                {
                    if (activity.OperationName == "observation.submit")
                    {
                        _submissions[activity.SpanId] = activity;
                    }
                    if (activity.OperationName == "batch")
                    {
                        _batches.Add(((int)activity.GetTagItem("truce.batch.size")!, [.. activity.Links.Select(l => l.Context.SpanId)]));
                    }
                },
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == "replay.check" && activity.Parent is { } batch)
                    {
                        _checked.Add([.. batch.Links.Select(l => l.Context.SpanId)]);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task BatchCheckedAsync(Guid id)
        {
            var until = Stopwatch.StartNew();
            while (!_checked.Any(links => links.Any(l => Submitted(l) == id)))
            {
                Assert.True(until.Elapsed < TimeSpan.FromSeconds(20), "The blocker's batch never checked its ids.");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        public int LargestBatchOf(IReadOnlyList<Guid> ids) =>
            _batches.Where(b => b.Links.Any(l => Submitted(l) is { } id && ids.Contains(id))).Max(b => b.Size);

        /// <summary>The observation a submission's span is about (tagged once it is validated, before it is queued).</summary>
        private Guid? Submitted(ActivitySpanId span) =>
            _submissions.TryGetValue(span, out var submission) && submission.GetTagItem("truce.record_key") is string key ? Guid.Parse(key) : null;

        public void Dispose() => _listener.Dispose();
    }
}
