using Microsoft.EntityFrameworkCore.Design;
using Truce.Storage;

namespace Truce.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server (see docs/architecture.md).</summary>
internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresTruceDb>
{
    public PostgresTruceDb CreateDbContext(string[] args) =>
        new(PostgresTruceDb.Options("Host=localhost;Database=truce_design"), TimeProvider.System);
}
