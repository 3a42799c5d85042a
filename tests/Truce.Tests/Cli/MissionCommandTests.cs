using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Tests.Cli;

/// <summary>`truce mission set`: a mission's identity and boundaries are its own settings, shown by its pages and its map.</summary>
public sealed class MissionCommandTests
{
    private const string Boundary = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Valley"},
         "geometry":{"type":"Polygon","coordinates":[[[10,45],[11,45],[11,46],[10,46],[10,45]]]}}]}
        """;

    [Fact]
    public async Task A_new_mission_has_no_borrowed_identity_nor_boundaries()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        var boundaries = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/boundaries", UriKind.Relative), TestContext.Current.CancellationToken));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("FeatureCollection", boundaries.RootElement.GetProperty("type").GetString());
        Assert.Equal(0, boundaries.RootElement.GetProperty("features").GetArrayLength());
        Assert.Contains("Monitoring mission", home, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"exercise\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Set_names_the_mission_flags_the_exercise_and_serves_its_boundaries_journaled(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var file = Path.Combine(app.DataFolder, "valley.geojson");
        await File.WriteAllTextAsync(file, Boundary, TestContext.Current.CancellationToken);
        var db = app.Location.ConnectionString;

        var run = await Cli.RunAsync("mission", "set", "--name", "Valley Observer Mission", "--exercise", "true", "--boundaries", file, "--db", db);

        Assert.True(run.ExitCode == 0, run.Error);
        var client = app.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Valley Observer Mission", home, StringComparison.Ordinal);
        Assert.Contains("class=\"exercise\"", home, StringComparison.Ordinal);
        var boundaries = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/boundaries", UriKind.Relative), TestContext.Current.CancellationToken));
        var feature = Assert.Single(boundaries.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("Valley", feature.GetProperty("properties").GetProperty("name").GetString());
        await using (var context = app.Store.Open())
        {
            var journaled = await context.Journal.AsNoTracking().Where(e => e.Entity == "settings").Select(e => e.RecordKey).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["mission.boundaries", "mission.exercise", "mission.name"], journaled.Order(StringComparer.Ordinal));
        }
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", db)).ExitCode);

        // What is not given is kept: turning the exercise flag off leaves the name and the boundaries.
        Assert.Equal(0, (await Cli.RunAsync("mission", "set", "--exercise", "false", "--db", db)).ExitCode);
        var after = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Valley Observer Mission", after, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"exercise\"", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[""", "boundaries", "line 1")]
    [InlineData("""{"type":"Polygon","coordinates":[[[10,45],[11,45],[11,46],[10,45]]]}""", "boundaries", "FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}""", "boundaries.features[0]", "invalid")]
    public async Task Bad_boundaries_are_refused_naming_what_is_wrong_and_nothing_changes(string geoJson, string field, string says)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var file = Path.Combine(app.DataFolder, "bad.geojson");
        await File.WriteAllTextAsync(file, geoJson, TestContext.Current.CancellationToken);

        var run = await Cli.RunAsync("mission", "set", "--name", "Changed", "--boundaries", file, "--db", app.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"  {field}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(says, run.Error, StringComparison.Ordinal);
        await using var context = app.Store.Open();
        Assert.False(await context.Settings.AnyAsync(s => s.Key.StartsWith("mission."), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Set_without_anything_to_set_or_with_a_bad_flag_is_a_usage_error()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        Assert.Equal(2, (await Cli.RunAsync("mission", "set", "--db", app.Location.ConnectionString)).ExitCode);
        Assert.Equal(2, (await Cli.RunAsync("mission", "set", "--exercise", "maybe", "--db", app.Location.ConnectionString)).ExitCode);
    }
}
