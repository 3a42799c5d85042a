using Truce.Bench.Load;
using Truce.Storage;

namespace Truce.Tests;

/// <summary>
/// A store of its own for one test: a SQLite file in a temporary folder, or a fresh PostgreSQL database on
/// the server named by TRUCE_TEST_PG (skipped without one, failed in CI). The benchmarks' scratch store
/// does the work.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly ScratchStore _scratch;

    private TestStore(ScratchStore scratch) => _scratch = scratch;

    public StoreLocation Location => _scratch.Location;

    public static async Task<TestStore> CreateAsync(Engine engine) =>
        new(await ScratchStore.CreateAsync(engine == Engine.Postgres ? TestEnvironment.RequirePostgres() : null));

    public ValueTask DisposeAsync() => _scratch.DisposeAsync();
}
