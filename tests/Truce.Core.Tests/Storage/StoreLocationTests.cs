using Truce.Storage;

namespace Truce.Core.Tests.Storage;

public sealed class StoreLocationTests
{
    [Fact]
    public void Without_a_connection_string_the_store_is_a_SQLite_file_in_the_data_folder()
    {
        var location = StoreLocation.Resolve(null, "/srv/mission");
        Assert.Equal(Engine.Sqlite, location.Engine);
        Assert.Equal("Data Source=/srv/mission/truce.db", location.ConnectionString);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=truce;Username=truce;Password=s3cret")]
    [InlineData("postgres://truce:s3cret@127.0.0.1:5432/truce")]
    public void A_PostgreSQL_connection_string_selects_PostgreSQL_and_is_redacted_in_messages(string db)
    {
        var location = StoreLocation.Resolve(db, null);
        Assert.Equal(Engine.Postgres, location.Engine);
        Assert.Contains("Database=truce", location.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", location.Redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_is_taken_as_a_SQLite_store() =>
        Assert.Equal("Data Source=other.db", StoreLocation.Resolve("other.db", null).ConnectionString);
}

public sealed class InstantTests
{
    [Fact]
    public void Instants_are_kept_in_utc_to_the_microsecond()
    {
        var local = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(4)).AddTicks(1234567);
        var normal = Instant.Normalize(local);
        Assert.Equal(TimeSpan.Zero, normal.Offset);
        Assert.Equal(6, normal.Hour);
        Assert.Equal(1234560, normal.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Enum_slugs_round_trip()
    {
        foreach (var category in Enum.GetValues<Truce.Monitoring.Category>())
        {
            Assert.True(Slug.TryParse<Truce.Monitoring.Category>(Slug.Of(category), out var back));
            Assert.Equal(category, back);
        }
        Assert.Equal("freedom_of_movement_restriction", Slug.Of(Truce.Monitoring.Category.FreedomOfMovementRestriction));
    }
}
