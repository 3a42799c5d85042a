using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Demo;

/// <summary>
/// The demo mission: a clearly labelled simulated exercise at real localities (GeoNames) inside real
/// boundaries (Natural Earth). Parties, units and events are invented; the same seed gives the same mission.
/// </summary>
public static class DemoMission
{
    public const string Name = "Exercise SOUTHERN BRIDGE (simulated)";

    private const int Seed = 20_201_110;

    /// <summary>Loads the demo into a store with no observations; returns false when there was data already.</summary>
    public static async Task<bool> LoadAsync(Store store, int events = 110, CancellationToken cancellationToken = default)
    {
        await using (var probe = store.Open())
        {
            if (await probe.Observations.AnyAsync(cancellationToken) || await probe.Parties.AnyAsync(cancellationToken))
            {
                return false;
            }
        }
        var places = Places();
        await using (var db = store.Open())
        {
            db.Parties.AddRange(
                new Party { Id = "west", Name = "Western Party (exercise)", Kind = PartyKind.Signatory },
                new Party { Id = "east", Name = "Eastern Party (exercise)", Kind = PartyKind.Signatory },
                new Party { Id = "pkf", Name = "Peacekeeping Force (exercise)", Kind = PartyKind.PeacekeepingForce },
                new Party { Id = "observers", Name = "International Observers (exercise)", Kind = PartyKind.Observers },
                new Party { Id = "authority", Name = "Local Civil Authority (exercise)", Kind = PartyKind.LocalAuthority });
            db.Zones.AddRange(Zones());
            db.Sites.AddRange(Sites(places));
            await db.SaveChangesAsync(cancellationToken);
        }
        await DemoPlaces.LoadAsync(store, cancellationToken);
        await using (var db = store.Open())
        {
            // The mission's identity and base map, set as any mission sets them (`truce mission set`).
            var identity = await MissionProfile.SetAsync(db, new MissionChange(Name, Exercise: true, BoundariesGeoJson: Boundaries()), cancellationToken);
            if (identity.Failure is { } failure)
            {
                throw new InvalidDataException($"The demo's own boundaries were refused: {failure.Title}");
            }
        }

        var staff = new Dictionary<string, Viewer>();
        foreach (var (name, role, party) in new[]
        {
            ("monitor.alpha", Role.Monitor, (string?)null), ("monitor.bravo", Role.Monitor, null),
            ("analyst.demo", Role.Analyst, null), ("liaison.west", Role.Liaison, "west"), ("liaison.east", Role.Liaison, "east"),
        })
        {
            await using var db = store.Open();
            var user = await Users.AddAsync(db, name, role, party, Users.NewPassword(), cancellationToken: cancellationToken);
            staff[name] = Users.ViewerOf(user.Value!);
        }

        var random = new Random(Seed);
        await using (var db = store.Open())
        {
            var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
            var end = Instant.Now(store.Clock);
            for (var e = 0; e < events; e++)
            {
                var happening = Event(random, sites, end);
                var reports = new List<Guid>();
                var count = random.Next(100) switch { < 30 => 1, < 65 => 2, < 90 => 3, _ => 4 };
                for (var r = 0; r < count; r++)
                {
                    var (reporter, source) = Reporter(random, staff, happening.Site);
                    db.Actor = reporter;
                    var input = Report(random, happening, source, reporter);
                    var submitted = await Observations.SubmitAsync(db, reporter, input, cancellationToken);
                    reports.Add(submitted.Value!.Record.Id);
                }
                db.ChangeTracker.Clear();
                // Most events have been corroborated into incidents; a few are still waiting for an analyst.
                if (random.Next(100) < 85)
                {
                    await Corroborate(db, staff["analyst.demo"], random, happening, reports, cancellationToken);
                }
                db.ChangeTracker.Clear();
            }
        }
        await DemoHotline.LoadAsync(store, staff, cancellationToken);
        await DemoHandover.LoadAsync(store, staff["analyst.demo"], staff["monitor.alpha"], cancellationToken);
        await DemoReports.LoadAsync(store, staff["analyst.demo"], cancellationToken);
        await DemoHumanitarian.LoadAsync(store, cancellationToken);
        await DemoWebhooks.LoadAsync(store, staff, cancellationToken);
        return true;
    }

    private sealed record Happening(Site Site, Category Category, DateTimeOffset At, double Latitude, double Longitude, string? AllegedParty, int Casualties);

    private static readonly (Category Category, int Weight)[] Mix =
    [
        (Category.SmallArmsFire, 30), (Category.Explosion, 15), (Category.HeavyMachineGunFire, 10),
        (Category.IlluminationFlare, 8), (Category.MilitaryMovement, 10), (Category.ProjectileInFlight, 5),
        (Category.WeaponInViolation, 5), (Category.MineUxo, 5), (Category.InfrastructureDamage, 4),
        (Category.CivilianHarm, 3), (Category.FreedomOfMovementRestriction, 5),
    ];

    private static Happening Event(Random random, List<Site> sites, DateTimeOffset end)
    {
        var site = sites[random.Next(sites.Count)];
        var roll = random.Next(Mix.Sum(m => m.Weight));
        var category = Mix.First(m => (roll -= m.Weight) < 0).Category;
        // Fire is mostly heard at night: bias towards the hours between 20:00 and 05:00 UTC+4.
        var day = end.AddDays(-random.Next(1, 60)).Date;
        var hour = random.Next(100) < 70 ? (16 + random.Next(10)) % 24 : random.Next(24);
        var at = Instant.Normalize(new DateTimeOffset(day, TimeSpan.Zero).AddHours(hour).AddMinutes(random.Next(60)));
        var (lat, lon) = GeoMath.Destination(site.Latitude, site.Longitude, random.NextDouble() * 360, 300 + random.Next(3_000));
        var party = category is Category.FreedomOfMovementRestriction or Category.MineUxo && random.Next(2) == 0
            ? null
            : random.Next(2) == 0 ? "west" : "east";
        var casualties = category == Category.CivilianHarm ? 1 + random.Next(3) : 0;
        return new Happening(site, category, at, lat, lon, party, casualties);
    }

    private static (Viewer Reporter, string Source) Reporter(Random random, Dictionary<string, Viewer> staff, Site site) =>
        random.Next(100) switch
        {
            < 35 => (staff["monitor.alpha"], $"Patrol {"ABC"[random.Next(3)]}-{1 + random.Next(2)}"),
            < 60 => (staff["monitor.bravo"], $"Patrol {"DEF"[random.Next(3)]}-{1 + random.Next(2)}"),
            < 75 => (staff["monitor.alpha"], $"Camera at {site.Name}"),
            < 85 => (staff["monitor.bravo"], "UAV Kestrel-2"),
            < 93 => (staff["liaison.west"], "Western Party liaison"),
            _ => (staff["liaison.east"], "Eastern Party liaison"),
        };

    private static ObservationInput Report(Random random, Happening happening, string source, Viewer reporter)
    {
        var heard = happening.Category is Category.SmallArmsFire or Category.HeavyMachineGunFire or Category.Explosion && random.Next(2) == 0;
        var at = happening.At.AddMinutes(random.Next(-15, 16));
        var precision = heard ? 1_000 + random.Next(1_500) : 50 + random.Next(400);
        var (lat, lon) = GeoMath.Destination(happening.Latitude, happening.Longitude, random.NextDouble() * 360, random.Next(precision / 2 + 1));
        return new ObservationInput
        {
            Id = NextGuid(random),
            ObservedAt = at.ToString("O", CultureInfo.InvariantCulture),
            TimePrecision = heard ? "hour" : "exact",
            Latitude = lat,
            Longitude = lon,
            LocationPrecisionM = precision,
            AreaName = $"{happening.Site.Name} area",
            Category = Slug.Of(happening.Category),
            Count = happening.Category is Category.SmallArmsFire or Category.HeavyMachineGunFire ? 1 + random.Next(12) : 1 + random.Next(3),
            Sensor = heard ? "heard" : source.StartsWith("Camera", StringComparison.Ordinal) ? "camera" : source.StartsWith("UAV", StringComparison.Ordinal) ? "drone" : source.EndsWith("liaison", StringComparison.Ordinal) ? "told_by" : "saw",
            CiviliansInjured = happening.Casualties,
            AllegedParty = reporter.Role == Role.Liaison ? (reporter.PartyId == "west" ? "east" : "west") : happening.AllegedParty,
            Weather = random.Next(4) == 0 ? "light rain" : "clear",
            ViewRangeM = 2_000 + random.Next(8_000),
            Narrative = $"[EXERCISE] {happening.Category.Label()} {(heard ? "heard" : "observed")} near {happening.Site.Name}, reported by {source}.",
            Source = source,
            Visibility = reporter.Role == Role.Liaison ? "parties" : "internal",
        };
    }

    private static async Task Corroborate(TruceDb db, Viewer analyst, Random random, Happening happening, List<Guid> reports, CancellationToken cancellationToken)
    {
        db.Actor = analyst;
        var id = NextGuid(random);
        var grouped = await Incidents.GroupAsync(db, analyst, new IncidentInput { Id = id, ObservationIds = reports }, cancellationToken);
        if (grouped.Failure is not null || random.Next(100) >= 75)
        {
            return;
        }
        db.ChangeTracker.Clear();
        var corroborated = reports.Count > 1;
        await Incidents.AssessAsync(db, analyst, id, new AssessmentInput
        {
            Id = Guid.CreateVersion7(), Status = "under_review", SourceReliability = "B", InformationCredibility = corroborated ? 2 : 3,
            Rationale = "[EXERCISE] Reports received; checking against camera and patrol logs.",
        }, cancellationToken);
        db.ChangeTracker.Clear();
        var outcome = random.Next(100);
        var status = corroborated ? (outcome < 70 ? "verified" : outcome < 85 ? "disputed" : "unverifiable") : (outcome < 60 ? "unverifiable" : "verified");
        await Incidents.AssessAsync(db, analyst, id, new AssessmentInput
        {
            Id = Guid.CreateVersion7(),
            Status = status,
            SourceReliability = corroborated ? "A" : "C",
            InformationCredibility = status == "verified" ? (corroborated ? 1 : 2) : 4,
            AttributedParty = status == "verified" ? happening.AllegedParty : null,
            AttributionConfidence = status == "verified" && happening.AllegedParty is not null ? (corroborated ? "high" : "medium") : null,
            ClauseBreached = happening.Category switch
            {
                Category.MilitaryMovement or Category.WeaponInViolation => "Art. 4: withdrawal of heavy weapons",
                Category.FreedomOfMovementRestriction => "Art. 7: freedom of movement of the observers",
                Category.MineUxo => null,
                _ => "Art. 1: complete ceasefire",
            },
            Rationale = status == "verified"
                ? "[EXERCISE] Independent sources agree on time, place and type."
                : status == "disputed" ? "[EXERCISE] The parties' accounts conflict; right of reply requested." : "[EXERCISE] Not enough independent information.",
            Visibility = status == "verified" ? (random.Next(2) == 0 ? "public" : "parties") : "parties",
        }, cancellationToken);
    }

    private static List<Zone> Zones() =>
    [
        new() { Id = "north-buffer", Name = "Northern buffer (line of contact)", Kind = ZoneKind.Buffer, GeometryJson = Polygon(
            (45.05, 41.22), (45.30, 41.15), (45.50, 41.02), (45.62, 40.90), (45.55, 40.84), (45.40, 40.95), (45.22, 41.07), (45.00, 41.15)) },
        new() { Id = "corridor", Name = "Kornidzor–Khankendi corridor", Kind = ZoneKind.Corridor, GeometryJson = Polygon(
            (46.50, 39.53), (46.56, 39.53), (46.59, 39.63), (46.78, 39.80), (46.76, 39.84), (46.53, 39.66)) },
        new() { Id = "sector-centre", Name = "Sector Centre", Kind = ZoneKind.Sector, GeometryJson = Polygon(
            (46.65, 39.70), (46.88, 39.70), (46.88, 39.97), (46.65, 39.97)) },
        new() { Id = "sector-south", Name = "Sector South", Kind = ZoneKind.Sector, GeometryJson = Polygon(
            (46.40, 39.00), (46.75, 39.00), (46.75, 39.40), (46.40, 39.40)) },
    ];

    private static string Polygon(params (double Lon, double Lat)[] ring)
    {
        var closed = ring.Append(ring[0]).Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon},{p.Lat}]"));
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', closed)}]]}}";
    }

    private static IEnumerable<Site> Sites(Dictionary<string, (double Lat, double Lon)> places)
    {
        (string Place, SiteKind Kind, string Zone, string Holder)[] plan =
        [
            ("Berd", SiteKind.Post, "north-buffer", "observers"), ("Ijevan", SiteKind.Post, "north-buffer", "observers"),
            ("Noyemberyan", SiteKind.Post, "north-buffer", "pkf"), ("Tovuz", SiteKind.Post, "north-buffer", "observers"),
            ("Gazakh", SiteKind.Post, "north-buffer", "pkf"), ("Kornidzor", SiteKind.Checkpoint, "corridor", "pkf"),
            ("Laçın", SiteKind.Checkpoint, "corridor", "pkf"), ("Khankendi", SiteKind.Base, "sector-centre", "pkf"),
            ("Shusha", SiteKind.Post, "sector-centre", "pkf"), ("Khojaly", SiteKind.Post, "sector-centre", "pkf"),
            ("Kapan", SiteKind.Post, "sector-south", "observers"), ("Qubadlı", SiteKind.Post, "sector-south", "pkf"),
        ];
        foreach (var (place, kind, zone, holder) in plan)
        {
            var (lat, lon) = places[place];
            yield return new Site
            {
                Id = Slugify(place), Name = place, Kind = kind, Latitude = lat, Longitude = lon,
                Cell = Geohash.Encode(lat, lon), ZoneId = zone, HeldByPartyId = holder,
            };
        }
    }

    private static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Slugify(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c)).ToArray()).ToLowerInvariant();

    /// <summary>The GeoNames populated places shipped with Truce (CC BY 4.0, geonames.org).</summary>
    public static Dictionary<string, (double Lat, double Lon)> Places()
    {
        using var stream = Resource("geonames_cities_armenia_azerbaijan.csv");
        using var reader = new StreamReader(stream);
        var places = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            places.TryAdd(cells[0], (double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture)));
        }
        return places;
    }

    /// <summary>Natural Earth's admin-0 boundaries of the region (public domain), as GeoJSON.</summary>
    public static string Boundaries()
    {
        using var reader = new StreamReader(Resource("armenia_azerbaijan_ne10m.geojson"));
        return reader.ReadToEnd();
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"Truce.Demo.{name}")
        ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
}
