using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Demo;

/// <summary>
/// The demo's humanitarian registers, written by a humanitarian partner through the same commands a user's requests
/// take (and the rest as journaled records): returns, services and assets for the demo's localities, a hazardous area
/// at Aghdam partly released with devices found, so that the readiness page shows every standing at once: Aghdam held
/// by unreleased land and no water, Shusha conditional, Kapan ready.
/// </summary>
public static class DemoHumanitarian
{
    private static readonly string[] Localities = ["Khankendi", "Shusha", "Laçın", "Aghdam", "Khojaly", "Qubadlı", "Kapan", "Berd"];

    /// <summary>Per locality: water, electricity, health as a, p or u (available, partial, unavailable), and returns so far.</summary>
    private static readonly Dictionary<string, (string Services, long Returns)> State = new(StringComparer.Ordinal)
    {
        ["Khankendi"] = ("ppa", 1_850), ["Shusha"] = ("apa", 2_400), ["Laçın"] = ("pap", 620), ["Aghdam"] = ("upu", 0),
        ["Khojaly"] = ("ppu", 140), ["Qubadlı"] = ("uup", 0), ["Kapan"] = ("aaa", 0), ["Berd"] = ("aap", 0),
    };

    public static async Task LoadAsync(Store store, CancellationToken cancellationToken = default)
    {
        await using var db = store.Open();
        var added = await Users.AddAsync(db, "partner.demo", Role.Humanitarian, null, Users.NewPassword(), "Shelter Cluster (exercise)", cancellationToken);
        var partner = Users.ViewerOf(added.Value ?? throw new InvalidDataException($"The demo's partner was refused: {added.Failure!.Title}"));
        db.Actor = partner;
        db.ChangeTracker.Clear();
        var places = await db.Set<Gazetteer.Place>().AsNoTracking().Where(p => Localities.Contains(p.Name)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Instant.Now(store.Clock).UtcDateTime);
        var now = Instant.Now(store.Clock);
        var n = 0;
        foreach (var place in places.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var (services, returns) = State[place.Name];
            var kinds = new[] { ServiceKind.Water, ServiceKind.Electricity, ServiceKind.Health };
            for (var i = 0; i < kinds.Length; i++)
            {
                var level = services[i] switch { 'a' => "available", 'p' => "partial", _ => "unavailable" };
                Ok(await ServiceReports.RecordAsync(db, partner, new ServiceReportInput
                {
                    Id = Id(++n), Place = place.Id, Service = Slug.Of(kinds[i]), Level = level, Date = Day(today.AddDays(-7 - i)),
                    Source = "[EXERCISE] Shelter cluster rapid assessment", Visibility = i == 2 ? "internal" : "public",
                }, cancellationToken));
            }
            if (returns > 0)
            {
                db.Add(new DisplacementFigure
                {
                    Id = Id(++n), PlaceId = place.Id, Country = place.CountryCode == "AM" ? "ARM" : "AZE", Date = today.AddDays(-14), Returns = returns,
                    Source = "[EXERCISE] Return monitoring", Visibility = Visibility.Public, RecordedBy = partner.Name, RecordedAt = now,
                });
            }
        }
        await AssetsAsync(db, places, partner, today, now);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Aghdam: a confirmed minefield at its edge, partly released, with what clearance found so far.
        if (places.FirstOrDefault(p => p.Name == "Aghdam") is { } aghdam)
        {
            var area = Ok(await HazardousAreas.AddAsync(db, Viewer.System, new HazardousAreaInput
            {
                Id = Id(100), Name = "[EXERCISE] Minefield south of Aghdam", Status = "confirmed", Place = aghdam.Id, Area = Square(aghdam.Latitude - 0.006, aghdam.Longitude, 500),
            }, cancellationToken)).Record;
            db.ChangeTracker.Clear();
            Ok(await LandRelease.RecordAsync(db, partner, area.Id, new LandReleaseInput { Method = "reduced", AreaM2 = 240_000, Date = Day(today.AddDays(-20)) }, cancellationToken));
            db.ChangeTracker.Clear();
            db.Add(new DeviceFind { Id = Id(101), HazardousAreaId = area.Id, DeviceType = "anti-personnel mine", Count = 37, Date = today.AddDays(-20), RecordedBy = partner.Name, RecordedAt = now });
            db.Add(new DeviceFind { Id = Id(102), HazardousAreaId = area.Id, DeviceType = "unexploded mortar round", Count = 5, Date = today.AddDays(-18), RecordedBy = partner.Name, RecordedAt = now });
            db.Add(new ClearanceTask { Id = Id(103), HazardousAreaId = area.Id, Organisation = "[EXERCISE] Demining team 3", Starts = today.AddDays(-45), RecordedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static Task AssetsAsync(TruceDb db, List<Gazetteer.Place> places, Viewer partner, DateOnly today, DateTimeOffset now)
    {
        var assets = new (string Place, string Name, AssetKind Kind, DamageLevel Damage, ProjectStatus? Project, int Progress)[]
        {
            ("Aghdam", "[EXERCISE] Aghdam water pumping station", AssetKind.Water, DamageLevel.Destroyed, ProjectStatus.Funded, 0),
            ("Shusha", "[EXERCISE] Shusha district clinic", AssetKind.Clinic, DamageLevel.Severe, ProjectStatus.Underway, 60),
            ("Khankendi", "[EXERCISE] Khankendi substation", AssetKind.Power, DamageLevel.Moderate, ProjectStatus.Underway, 80),
            ("Laçın", "[EXERCISE] Hakari river bridge", AssetKind.Bridge, DamageLevel.Light, null, 0),
            ("Kapan", "[EXERCISE] Kapan school no. 4", AssetKind.School, DamageLevel.None, null, 0),
        };
        var n = 200;
        foreach (var (name, title, kind, damage, project, progress) in assets)
        {
            if (places.FirstOrDefault(p => p.Name == name) is not { } place)
            {
                continue;
            }
            var asset = new InfrastructureAsset
            {
                Id = Id(++n), Name = title, Kind = kind, PlaceId = place.Id, Latitude = place.Latitude + 0.002, Longitude = place.Longitude + 0.002,
                Visibility = Visibility.Public, RecordedAt = now,
            };
            db.Add(asset);
            db.Add(new DamageAssessment { Id = Id(++n), AssetId = asset.Id, Level = damage, Date = today.AddDays(-30), Source = "[EXERCISE] Joint damage assessment", RecordedBy = partner.Name, RecordedAt = now });
            if (project is { } status)
            {
                db.Add(new RehabilitationProject
                {
                    Id = Id(++n), AssetId = asset.Id, Name = $"Rehabilitation: {title}", Status = status, ProgressPercent = progress, BudgetUsd = 250_000 * (n % 4 + 1),
                    Funder = "[EXERCISE] Recovery trust fund", Starts = today.AddDays(-60), Ends = today.AddDays(120), UpdatedAt = now,
                });
            }
        }
        return Task.CompletedTask;
    }

    private static T Ok<T>(Result<T> result) => result.Failure is { } failure
        ? throw new InvalidDataException($"The demo's registers were refused: {failure.Title} {string.Join("; ", failure.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}")
        : result.Value!;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Demo ids are fixed, so that the demo's links stay the same from one load to the next.</summary>
    private static Guid Id(int n) => new($"7e57b000-0000-4000-8000-{n:D12}");

    private static JsonElement Square(double lat, double lon, double halfSideM)
    {
        var dLat = halfSideM / 111_320.0;
        var dLon = dLat / Math.Cos(lat * Math.PI / 180);
        using var document = JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon - dLon},{lat - dLat}],[{lon + dLon},{lat - dLat}],[{lon + dLon},{lat + dLat}],[{lon - dLon},{lat + dLat}],[{lon - dLon},{lat - dLat}]]]}}"));
        return document.RootElement.Clone();
    }
}
