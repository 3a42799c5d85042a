using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Web;

public sealed class DemoMissionTests
{
    [Fact]
    public async Task The_demo_is_a_labelled_exercise_at_real_places_inside_the_real_boundaries()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        await using var db = app.Store.Open();
        var places = File.ReadLines(TestEnvironment.SharedData("places", "geonames_cities_armenia_azerbaijan.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToLookup(cells => cells[0], cells => (Lat: double.Parse(cells[1], CultureInfo.InvariantCulture), Lon: double.Parse(cells[2], CultureInfo.InvariantCulture)));
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var boundaries = JsonSerializer.Deserialize<FeatureCollection>(
            await File.ReadAllTextAsync(TestEnvironment.SharedData("boundaries", "armenia_azerbaijan_ne10m.geojson")), options)!;
        var land = boundaries.Select(f => f.Geometry).Aggregate((a, b) => a.Union(b));

        var sites = await db.Sites.ToListAsync();
        var observations = await db.Observations.ToListAsync();
        var incidents = await db.Incidents.Include(i => i.Assessments).ToListAsync();

        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Contains(places[s.Name], p => Math.Abs(p.Lat - s.Latitude) < 1e-9 && Math.Abs(p.Lon - s.Longitude) < 1e-9));
        Assert.InRange(observations.Count, 200, 600);
        Assert.All(observations, o => Assert.True(land.Contains(new Point(o.Longitude, o.Latitude)), $"{o.Id} at {o.Latitude},{o.Longitude} is outside the boundaries"));
        Assert.All(observations, o => Assert.StartsWith("[EXERCISE]", o.Narrative, StringComparison.Ordinal));
        Assert.InRange((observations.Max(o => o.ObservedFrom) - observations.Min(o => o.ObservedFrom)).TotalDays, 45, 61);
        Assert.Contains(incidents, i => i.ObservationCount > 1);
        Assert.Contains(incidents, i => i.Status == IncidentStatus.Verified && i.Assessments.Count == 2);
        Assert.Contains(incidents, i => i.Status == IncidentStatus.Reported);
        Assert.Contains(observations, o => o.IncidentId is null);
        Assert.Equal("true", (await db.Settings.SingleAsync(s => s.Key == "mission.exercise")).Value);
    }
}
