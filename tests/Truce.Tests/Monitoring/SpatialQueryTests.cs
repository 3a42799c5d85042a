using System.Globalization;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Truce.Access;
using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Monitoring;

public sealed class SpatialQueryTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    // A triangle zone, so that the brute force below needs no polygon library.
    private static readonly (double Lon, double Lat)[] Triangle = [(45.0, 40.0), (46.5, 40.2), (45.6, 41.3)];

    private sealed record Row(Guid Id, double Lat, double Lon, DateTimeOffset From, DateTimeOffset To);

    private sealed record Query(double Lat, double Lon, bool AtSite, double RadiusKm, int? FromDay, int? Days, bool InZone, (double W, double S, double E, double N)? Box)
    {
        public string String(string path)
        {
            var near = AtSite ? "site:post-1" : string.Create(CultureInfo.InvariantCulture, $"{Lat},{Lon}");
            var q = string.Create(CultureInfo.InvariantCulture, $"{path}?near={near}&radius_km={RadiusKm}&pageSize=500");
            if (FromDay is { } d)
            {
                q += $"&from={Uri.EscapeDataString(Start.AddDays(d).ToString("O"))}&to={Uri.EscapeDataString(Start.AddDays(d + Days!.Value).ToString("O"))}";
            }
            if (InZone)
            {
                q += "&zone=triangle";
            }
            if (Box is { } b)
            {
                q += string.Create(CultureInfo.InvariantCulture, $"&bbox={b.W},{b.S},{b.E},{b.N}");
            }
            return q;
        }
    }

    private static Gen<double> Between(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(v => Math.Round(min + ((max - min) * v / 1_000_000.0), 6));

    private static readonly Gen<Query> Queries =
        from lat in Between(39.6, 41.6)
        from lon in Between(44.6, 46.9)
        from atSite in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from radius in Between(1, 60)
        from windowed in Gen.Elements(true, false)
        from fromDay in Gen.Choose(0, 60)
        from days in Gen.Choose(1, 30)
        from inZone in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from boxed in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from bw in Between(44.8, 46.0)
        from bs in Between(39.8, 40.8)
        select new Query(lat, lon, atSite, radius, windowed ? fromDay : null, windowed ? days : null, inZone,
            boxed ? (bw, bs, bw + 0.8, bs + 0.6) : null);

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * 6_371_008.8 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static bool InTriangle(double lat, double lon)
    {
        static double Side((double Lon, double Lat) a, (double Lon, double Lat) b, double lon, double lat) =>
            ((b.Lon - a.Lon) * (lat - a.Lat)) - ((b.Lat - a.Lat) * (lon - a.Lon));
        var s1 = Side(Triangle[0], Triangle[1], lon, lat);
        var s2 = Side(Triangle[1], Triangle[2], lon, lat);
        var s3 = Side(Triangle[2], Triangle[0], lon, lat);
        return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }

    private static IEnumerable<Guid> BruteForce(IEnumerable<Row> rows, Query q, (double Lat, double Lon) site) =>
        rows.Where(r =>
        {
            var (lat, lon) = q.AtSite ? site : (q.Lat, q.Lon);
            var windowOk = q.FromDay is not { } d || (r.To >= Start.AddDays(d) && r.From <= Start.AddDays(d + q.Days!.Value));
            var boxOk = q.Box is not { } b || (r.Lat >= b.S && r.Lat <= b.N && r.Lon >= b.W && r.Lon <= b.E);
            return Haversine(lat, lon, r.Lat, r.Lon) <= q.RadiusKm * 1000 && windowOk && boxOk && (!q.InZone || InTriangle(r.Lat, r.Lon));
        }).Select(r => r.Id);

    private static async Task<(List<Row> Observations, List<Row> Incidents, (double, double) Site)> SeedAsync(TruceApp app)
    {
        var random = new Random(20261129);
        double Uniform(double min, double max) => min + (random.NextDouble() * (max - min));
        var site = (40.9, 45.15);
        var observations = new List<Row>();
        var incidents = new List<Row>();
        await using var db = app.Store.Open();
        db.Sites.Add(new Site { Id = "post-1", Name = "Post 1", Kind = SiteKind.Post, Latitude = site.Item1, Longitude = site.Item2, Cell = Geohash.Encode(site.Item1, site.Item2) });
        db.Zones.Add(new Zone
        {
            Id = "triangle", Name = "Triangle", Kind = ZoneKind.Sector,
            GeometryJson = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(',', Triangle.Append(Triangle[0]).Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon},{p.Lat}]"))) + "]]}",
        });
        for (var i = 0; i < 450; i++)
        {
            // Half spread over the region, half clustered around the site, as real reports are.
            var (lat, lon) = i % 2 == 0 ? (Uniform(39.5, 41.7), Uniform(44.5, 47.0)) : (site.Item1 + Uniform(-0.2, 0.2), site.Item2 + Uniform(-0.25, 0.25));
            var from = Instant.Normalize(Start.AddMinutes(random.Next(0, 90 * 24 * 60)));
            var to = from.AddHours(random.Next(0, 3));
            if (i % 3 == 0)
            {
                var incident = new Incident
                {
                    Id = Guid.NewGuid(), Title = "t", Category = Category.Explosion, Status = IncidentStatus.Reported, StartsAt = from, EndsAt = to,
                    Latitude = lat, Longitude = lon, LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), ObservationCount = 1, SourceCount = 1,
                    Visibility = Visibility.Internal, CreatedAt = from, UpdatedAt = from,
                };
                db.Incidents.Add(incident);
                incidents.Add(new Row(incident.Id, lat, lon, from, to));
            }
            var observation = new Observation
            {
                Id = Guid.NewGuid(), ObservedFrom = from, ObservedTo = to, TimePrecision = TimePrecision.Exact, Latitude = lat, Longitude = lon,
                LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), Category = Category.Explosion, Sensor = Sensor.Heard, Source = "Patrol A-1",
                Visibility = Visibility.Internal, ReceivedAt = to, ReporterId = Guid.NewGuid(),
            };
            db.Observations.Add(observation);
            observations.Add(new Row(observation.Id, lat, lon, from, to));
        }
        await db.SaveChangesAsync();
        return (observations, incidents, site);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Near_bbox_and_zone_queries_answer_what_a_brute_force_scan_finds(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var (observations, incidents, site) = await SeedAsync(app);

        foreach (var query in Queries.Sample(60, 40))
        {
            foreach (var (path, rows) in new[] { ("/api/observations", observations), ("/api/incidents", incidents) })
            {
                var url = query.String(path);
                var response = await analyst.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, url);
                var page = await Json.ReadAsync(response);
                var found = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).Order().ToList();
                var expected = BruteForce(rows, query, site).Order().ToList();
                Assert.True(expected.SequenceEqual(found), $"{url}: expected {expected.Count}, found {found.Count}");
                Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Spatial_parameters_that_cannot_be_read_are_named()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var noRadius = await analyst.GetAsync("/api/observations?near=40.1,45.2");
        var badNear = await analyst.GetAsync("/api/incidents?near=north&radius_km=5");
        var badBox = await analyst.GetAsync("/api/observations?bbox=46,41,45");
        var noSite = await analyst.GetAsync("/api/observations?near=site:nowhere&radius_km=5");
        var noZone = await analyst.GetAsync("/api/incidents?zone=nowhere");

        Assert.Equal(["radius_km"], await Json.ProblemFieldsAsync(noRadius));
        Assert.Equal(["near"], await Json.ProblemFieldsAsync(badNear));
        Assert.Equal(["bbox"], await Json.ProblemFieldsAsync(badBox));
        Assert.Equal(HttpStatusCode.BadRequest, noSite.StatusCode);
        Assert.Equal(["near"], await Json.ProblemFieldsAsync(noSite));
        Assert.Equal(["zone"], await Json.ProblemFieldsAsync(noZone));
    }

    [Fact]
    public async Task The_list_pages_filter_by_distance_from_a_site()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);
        var (observations, _, site) = await SeedAsync(app);
        var near = observations.Where(r => Haversine(site.Item1, site.Item2, r.Lat, r.Lon) <= 2_000).ToList();

        var html = await analyst.GetStringAsync("/observations?near=site%3Apost-1&radius_km=2&pageSize=500");

        Assert.NotEmpty(near);
        Assert.All(near, r => Assert.Contains($"/observations/{r.Id}", html, StringComparison.Ordinal));
        var listed = System.Text.RegularExpressions.Regex.Matches(html, "<td[^>]*><a href=\"/observations/([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Distinct();
        Assert.Equal(near.Select(r => r.Id.ToString()).Order(), listed.Order());
        Assert.Contains("value=\"site:post-1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_a_thousand_matches_in_a_closed_window_the_api_and_the_pages_say_more_than_a_thousand()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var pages = await app.SignInAsync("analyst2", Role.Analyst);
        await using (var db = app.Store.Open())
        {
            // 1 100 of each within a kilometre of the point, one every ten minutes.
            for (var i = 0; i < 1_100; i++)
            {
                var (lat, lon, at) = (40.5 + (i % 10 * 0.0005), 45.5 + (i / 10 % 10 * 0.0005), Start.AddMinutes(10 * i));
                db.Observations.Add(new Observation
                {
                    Id = Guid.NewGuid(), ObservedFrom = at, ObservedTo = at, TimePrecision = TimePrecision.Exact, Latitude = lat, Longitude = lon,
                    LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), Category = Category.Explosion, Sensor = Sensor.Heard, Source = "Patrol A-1",
                    Visibility = Visibility.Internal, ReceivedAt = at, ReporterId = Guid.NewGuid(),
                });
                db.Incidents.Add(new Incident
                {
                    Id = Guid.NewGuid(), Title = "t", Category = Category.Explosion, Status = IncidentStatus.Reported, StartsAt = at, EndsAt = at,
                    Latitude = lat, Longitude = lon, LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), ObservationCount = 1, SourceCount = 1,
                    Visibility = Visibility.Internal, CreatedAt = at, UpdatedAt = at,
                });
            }
            await db.SaveChangesAsync();
        }
        // The newest weeks of the window hold them (its weeks are read newest first).
        var window = $"near=40.5,45.5&radius_km=5&from={Uri.EscapeDataString(Start.AddDays(-20).ToString("O"))}&to={Uri.EscapeDataString(Start.AddDays(8).ToString("O"))}";

        foreach (var path in new[] { "/api/observations", "/api/incidents" })
        {
            var bounded = await Json.ReadAsync(await analyst.GetAsync($"{path}?{window}"));
            Assert.Equal((1_000, true), (bounded.GetProperty("total").GetInt32(), bounded.GetProperty("totalIsLowerBound").GetBoolean()));
            // Without a closed window the list counts every match.
            var open = await Json.ReadAsync(await analyst.GetAsync($"{path}?near=40.5,45.5&radius_km=5"));
            Assert.Equal((1_100, false), (open.GetProperty("total").GetInt32(), open.GetProperty("totalIsLowerBound").GetBoolean()));
        }
        foreach (var path in new[] { "/observations", "/incidents" })
        {
            var html = await pages.GetStringAsync($"{path}?{window}");
            Assert.Contains("Page 1 (more than 1", html, StringComparison.Ordinal);
            Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        }
    }
}
