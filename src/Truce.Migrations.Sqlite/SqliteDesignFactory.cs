using Microsoft.EntityFrameworkCore.Design;
using Truce.Storage;

namespace Truce.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without a running app (see docs/architecture.md).</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteTruceDb>
{
    public SqliteTruceDb CreateDbContext(string[] args) => new(SqliteTruceDb.Options("Data Source=design.db"), TimeProvider.System);
}
