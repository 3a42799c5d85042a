using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Truce.Storage;

/// <summary>The scale path: the same schema on a PostgreSQL server.</summary>
public sealed class PostgresTruceDb(DbContextOptions<PostgresTruceDb> options, TimeProvider clock) : TruceDb(options, clock)
{
    /// <summary>Any fixed number; every writer of the journal takes this transaction-scoped lock.</summary>
    private const long JournalLockKey = 0x7472756365;

    public override Engine Engine => Engine.Postgres;

    public static DbContextOptions<PostgresTruceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresTruceDb>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;

    protected override async Task LockJournalAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({JournalLockKey})", cancellationToken);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresTruceDb>
{
    public PostgresTruceDb CreateDbContext(string[] args) =>
        new(PostgresTruceDb.Options("Host=localhost;Database=truce_design"), TimeProvider.System);
}
