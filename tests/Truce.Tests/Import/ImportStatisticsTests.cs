using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Tests.Import;

/// <summary>
/// Issue 14: PostgreSQL plans an import's look-ups from its statistics of the tables, which autovacuum refreshes only now
/// and then; the import brings them up to date as the tables grow (after the 1st, 2nd, 4th, 8th... commit) and at its end.
/// </summary>
public sealed class ImportStatisticsTests
{
    [Fact]
    public async Task An_import_on_PostgreSQL_analyses_its_tables_as_they_grow_and_at_the_end()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Postgres);
        var store = await scratch.MigratedAsync();
        var cancellationToken = TestContext.Current.CancellationToken;

        // 1 000 events committed every 100: ten commits, analysed after the 1st, 2nd, 4th and 8th, and at the end.
        var result = await Importer.RunAsync(store, Viewer.System,
            now => CsvEvents.Read(ImportFiles.Sample1000, EventLayout.All.OfType<UcdpLayout>().Single(), "UCDP GED", now),
            new ImportOptions(BatchSize: 100, CommitSize: 100), cancellationToken: cancellationToken);

        Assert.Equal(1_000, result.Value!.Imported);
        await using var db = store.Open();
        var stored = await db.Observations.LongCountAsync(cancellationToken);
        // What the planner believes the table holds: -1 (never analysed) unless something analysed it.
        var believed = await db.Database.SqlQueryRaw<long>(
            "SELECT reltuples::bigint AS \"Value\" FROM pg_class WHERE relname = 'observations'").SingleAsync(cancellationToken);
        Assert.Equal(stored, believed);
        var analyses = await db.Database.SqlQueryRaw<long>(
            "SELECT analyze_count AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'observations'").SingleAsync(cancellationToken);
        Assert.Equal(5, analyses);
    }
}
