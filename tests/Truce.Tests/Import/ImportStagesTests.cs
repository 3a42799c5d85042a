using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Tests.Import;

/// <summary>
/// Issue 14: the second pass reads the file a batch ahead of the store. When either stage stops, the other stops too,
/// and nothing of an uncommitted transaction is left behind.
/// </summary>
public sealed class ImportStagesTests
{
    private const string Source = "UCDP GED";

    private static IEnumerable<ImportRow> Sample(DateTimeOffset now) =>
        CsvEvents.Read(ImportFiles.Sample1000, EventLayout.All.OfType<UcdpLayout>().Single(), Source, now);

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_file_that_breaks_after_several_written_batches_is_refused_with_nothing_stored(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        // --skip-invalid has no checking pass, so four batches of 100 are written (uncommitted) before the reader meets the break.
        IEnumerable<ImportRow> Broken(DateTimeOffset now) => Sample(now).Take(450)
            .Append(new ImportRow(452, null, [new RowError(452, "file", "is not valid UTF-8 here; save the file as UTF-8.")], Fatal: true))
            .Concat(Sample(now).Skip(450));

        var result = await Importer.RunAsync(store, Viewer.System, Broken, new ImportOptions(SkipInvalid: true, BatchSize: 100),
            cancellationToken: TestContext.Current.CancellationToken);

        var summary = result.Value!;
        Assert.True(summary.Refused);
        Assert.Equal(450, summary.Read);
        Assert.Equal(452, Assert.Single(summary.Errors).Line);
        await using var db = store.Open();
        Assert.Equal(0, await db.Observations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Journal.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cancelled_import_stops_both_stages_and_leaves_nothing_uncommitted()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        var store = await scratch.MigratedAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // Cancelled while the reader is at row 300, after two batches of 100 went to the store.
        IEnumerable<ImportRow> Cancelling(DateTimeOffset now) => Sample(now).Select((row, i) =>
        {
            if (i == 300)
            {
                cancel.Cancel();
            }
            return row;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Importer.RunAsync(store, Viewer.System, Cancelling, new ImportOptions(SkipInvalid: true, BatchSize: 100), cancellationToken: cancel.Token));

        await using var db = store.Open();
        Assert.Equal(0, await db.Observations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Journal.CountAsync(TestContext.Current.CancellationToken));
        // The store takes the whole file afterwards: the aborted import left no lock or half-written batch behind.
        var again = await Importer.RunAsync(store, Viewer.System, Sample, new ImportOptions(BatchSize: 100),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1000, again.Value!.Imported);
    }
}
