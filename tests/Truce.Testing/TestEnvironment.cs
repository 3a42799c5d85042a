using Xunit;

namespace Truce.Testing;

/// <summary>
/// What the tests may rely on from the machine. A PostgreSQL or browser test skips on a developer machine
/// without a server or Chromium, but in CI (CI=true) a missing one is a failure, so nothing is skipped
/// silently there.
/// </summary>
public static class TestEnvironment
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An admin connection string to a PostgreSQL server where tests may create databases.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } value ? value : null;

    public static string RequirePostgres()
    {
        if (Postgres is { } connection)
        {
            return connection;
        }
        if (InCi)
        {
            Assert.Fail("CI=true but TRUCE_TEST_PG is not set: .ci/run must start PostgreSQL for the tests.");
        }
        Assert.Skip("No PostgreSQL server: set TRUCE_TEST_PG to a connection string to run this test on PostgreSQL.");
        return "";
    }

    /// <summary>Debian's Chromium for the browser tests (TRUCE_CHROMIUM, default /usr/bin/chromium); nothing is downloaded.</summary>
    public static string RequireChromium()
    {
        var path = Environment.GetEnvironmentVariable("TRUCE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }
        if (InCi)
        {
            Assert.Fail($"CI=true but Chromium is not at {path}: .ci/run must install it.");
        }
        Assert.Skip($"No Chromium at {path}: install Debian's chromium package or set TRUCE_CHROMIUM.");
        return "";
    }

    /// <summary>A file of the repository's real data folder, data/ (its README names each source and licence).</summary>
    public static string SharedData(params string[] parts) => RepositoryFile(["data", .. parts]);

    /// <summary>A file of the repository this test was built from (found by walking up to Truce.slnx); fails if it is missing.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Truce.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine([dir?.FullName ?? "", .. parts]);
        Assert.True(File.Exists(path), $"The repository file {path} is missing.");
        return path;
    }
}
