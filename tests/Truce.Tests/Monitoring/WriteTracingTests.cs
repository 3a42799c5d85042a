using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

/// <summary>Issue 14: one submission's write path as spans of Truce.Write, nested under the request's own span.</summary>
public sealed class WriteTracingTests
{
    [Fact]
    public async Task One_submission_leaves_its_stages_as_spans_under_the_request_and_its_batch()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is WriteTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();

        var created = await monitor.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = ((Guid)body["id"]!).ToString("D");
        // The server's request span stops after the client has its answer (the host ends it once the response is sent),
        // so wait, within a bound, until the request span that holds the submission has stopped too.
        var stopwatch = Stopwatch.StartNew();
        while (!seen.Any(r => r.Source.Name == "Microsoft.AspNetCore"
                   && seen.Any(s => s.OperationName == "observation.submit" && s.ParentSpanId == r.SpanId && Equals(s.GetTagItem("truce.record_key"), key)))
               && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        var spans = seen.ToList();
        var submit = Assert.Single(spans, s => s.OperationName == "observation.submit" && Equals(s.GetTagItem("truce.record_key"), key));
        Assert.Equal("Inserted", submit.GetTagItem("truce.outcome"));
        var request = Assert.Single(spans, s => s.SpanId == submit.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal(["auth"], spans.Where(s => s.ParentSpanId == request.SpanId && s.Source.Name == WriteTelemetry.Name && s != submit)
            .Select(s => s.OperationName).Distinct());
        // The snapshot is built on the request's side, before the record is queued for the writer.
        Assert.Equal(["queue.wait", "snapshot", "validate"], Children(spans, submit));
        var snapshot = Assert.Single(spans, s => s.ParentSpanId == submit.SpanId && s.OperationName == "snapshot");
        var wait = Assert.Single(spans, s => s.ParentSpanId == submit.SpanId && s.OperationName == "queue.wait");
        Assert.InRange(wait.StartTimeUtc, submit.StartTimeUtc, submit.StartTimeUtc + submit.Duration);
        Assert.True(snapshot.StartTimeUtc + snapshot.Duration <= wait.StartTimeUtc + TimeSpan.FromMilliseconds(1));

        // The batch is a span of its own (it serves many requests), linked to each submission it wrote.
        var batch = Assert.Single(spans, s => s.OperationName == "batch" && s.Links.Any(l => l.Context.SpanId == submit.SpanId));
        Assert.Equal(default, batch.ParentSpanId);
        Assert.Equal(1, batch.GetTagItem("truce.batch.size"));
        Assert.Equal(["batch.build", "commit", "journal.lock", "journal.write", "replay.check"], Children(spans, batch));
        var ordered = spans.Where(s => s.ParentSpanId == batch.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["replay.check", "batch.build", "journal.lock", "journal.write", "commit"], ordered.Select(s => s.OperationName));
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.StartTimeUtc + pair.First.Duration <= pair.Second.StartTimeUtc));
        Assert.True(ordered.Sum(s => s.Duration.Ticks) <= batch.Duration.Ticks);
    }

    private static IEnumerable<string> Children(IEnumerable<Activity> spans, Activity parent) =>
        spans.Where(s => s.ParentSpanId == parent.SpanId).Select(s => s.OperationName).Distinct().Order(StringComparer.Ordinal);
}
