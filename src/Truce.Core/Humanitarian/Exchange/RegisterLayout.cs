using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>
/// Each register's CSV layout: its columns with their HXL hashtags (HXL 1.1: #loc, #adm1, #geo, #affected, #date,
/// #meta...), how a record becomes a row, and how a row becomes the same input the API takes, recorded by the same
/// Core function (so one set of rules decides for the API, the forms and the import).
/// </summary>
public static class RegisterLayout
{
    private static readonly RegisterColumn Id = new("id", "#meta+id");
    private static readonly RegisterColumn Place = new("place", "#loc+code");
    private static readonly RegisterColumn PlaceName = new("placeName", "#loc+name", Derived: true);
    private static readonly RegisterColumn Admin1 = new("admin1", "#adm1+name", Derived: true);
    private static readonly RegisterColumn PlaceLatitude = new("latitude", "#geo+lat", Number: true, Derived: true);
    private static readonly RegisterColumn PlaceLongitude = new("longitude", "#geo+lon", Number: true, Derived: true);
    private static readonly RegisterColumn Visibility = new("visibility", "#meta+visibility");
    private static readonly RegisterColumn Source = new("source", "#meta+source");
    private static readonly RegisterColumn Date = new("date", "#date");
    private static readonly RegisterColumn Asset = new("asset", "#item+code");
    private static readonly RegisterColumn AssetName = new("assetName", "#item+name", Derived: true);

    public static IReadOnlyList<RegisterColumn> Columns(RegisterName register) => register switch
    {
        RegisterName.Displacement =>
        [
            Id, Place, PlaceName, Admin1, PlaceLatitude, PlaceLongitude, new("country", "#country+code"), Date,
            new("displacedPresent", "#affected+idps", Number: true), new("newDisplacement", "#affected+idps+new", Number: true),
            new("returns", "#affected+returnees", Number: true), Source, Visibility,
        ],
        RegisterName.Services =>
        [
            Id, Place, PlaceName, Admin1, PlaceLatitude, PlaceLongitude, new("service", "#service+type"), new("level", "#status"), Date, Source, Visibility,
        ],
        RegisterName.HazardousAreas =>
        [
            Id, new("name", "#loc+name+area"), new("status", "#status"), Place, PlaceName, Admin1, new("area", "#geo+bounds"),
        ],
        RegisterName.Assets =>
        [
            Id, new("name", "#item+name"), new("kind", "#item+type"), Place, PlaceName, Admin1,
            new("latitude", "#geo+lat", Number: true), new("longitude", "#geo+lon", Number: true), Visibility,
        ],
        RegisterName.Damage =>
        [
            Id, Asset, AssetName, Place, PlaceName, Admin1, new("level", "#severity"), Date, Source,
        ],
        _ =>
        [
            Id, Asset, AssetName, Place, PlaceName, Admin1, new("name", "#activity+name"), new("status", "#status"),
            new("progressPercent", "#output+pct", Number: true), new("budgetUsd", "#value+usd", Number: true), new("funder", "#org+funder"),
            new("starts", "#date+start"), new("ends", "#date+end"),
        ],
    };

    /// <summary>The register's records the viewer may read (through the same list functions as the API), one row each, cells in <see cref="Columns"/>' order.</summary>
    public static async Task<List<string[]>> RowsAsync(TruceDb db, Viewer viewer, RegisterName register, CancellationToken cancellationToken = default)
    {
        var places = await db.Set<Gazetteer.Place>().AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        string[] At(string? id) => id is not null && places.TryGetValue(id, out var p)
            ? [p.Id, p.Name, p.Admin1 ?? "", Number(p.Latitude), Number(p.Longitude)]
            : [id ?? "", "", "", "", ""];
        switch (register)
        {
            case RegisterName.Displacement:
                return [.. (await DisplacementFigures.ListAsync(db, viewer, cancellationToken)).Select(f => (string[])
                    [Guid(f.Id), .. At(f.PlaceId), f.Country, Day(f.Date), Count(f.DisplacedPresent), Count(f.NewDisplacement), Count(f.Returns), f.Source, Slug.Of(f.Visibility)])];
            case RegisterName.Services:
                return [.. (await ServiceReports.ListAsync(db, viewer, cancellationToken)).Select(r => (string[])
                    [Guid(r.Id), .. At(r.PlaceId), Slug.Of(r.Service), Slug.Of(r.Level), Day(r.Date), r.Source, Slug.Of(r.Visibility)])];
            case RegisterName.HazardousAreas:
                return [.. (await HazardousAreas.ListAsync(db, cancellationToken)).Select(a => (string[])
                    [Guid(a.Id), a.Name, Slug.Of(a.Status), .. At(a.PlaceId)[..3], a.GeometryJson])];
            case RegisterName.Assets:
                return [.. (await InfrastructureRegister.AssetsAsync(db, viewer, cancellationToken)).Select(a => (string[])
                    [Guid(a.Id), a.Name, Slug.Of(a.Kind), .. At(a.PlaceId)[..3], Number(a.Latitude), Number(a.Longitude), Slug.Of(a.Visibility)])];
        }
        var assets = (await InfrastructureRegister.AssetsAsync(db, viewer, cancellationToken)).ToDictionary(a => a.Id);
        string[] Of(Guid asset) => assets.TryGetValue(asset, out var a) ? [Guid(a.Id), a.Name, .. At(a.PlaceId)[..3]] : [Guid(asset), "", "", "", ""];
        return register == RegisterName.Damage
            ? [.. (await InfrastructureRegister.DamageAsync(db, viewer, cancellationToken)).Select(d => (string[])
                [Guid(d.Id), .. Of(d.AssetId), Slug.Of(d.Level), Day(d.Date), d.Source])]
            : [.. (await InfrastructureRegister.ProjectsAsync(db, viewer, cancellationToken)).Select(p => (string[])
                [Guid(p.Id), .. Of(p.AssetId), p.Name, Slug.Of(p.Status), Count(p.ProgressPercent), Count(p.BudgetUsd), p.Funder, Day(p.Starts), Day(p.Ends)])];
    }

    /// <summary>
    /// Records one row through the register's Core function. A cell that cannot be read as its type (a number that is
    /// not one) is refused here, naming its column; every other rule is the Core function's, its field errors named by
    /// the same column. The result says whether the record was already there.
    /// </summary>
    public static async Task<Result<bool>> RecordAsync(TruceDb db, Viewer viewer, RegisterName register, RegisterRow row, CancellationToken cancellationToken = default)
    {
        switch (register)
        {
            case RegisterName.Displacement:
                var figure = new DisplacementFigureInput
                {
                    Id = row.Id("id"), Place = row.Text("place"), Country = row.Text("country"), Date = row.Text("date"),
                    DisplacedPresent = row.WholeNumber("displacedPresent"), NewDisplacement = row.WholeNumber("newDisplacement"), Returns = row.WholeNumber("returns"),
                    Source = row.Text("source"), Visibility = row.Text("visibility"),
                };
                return row.Refused ?? Replayed(await DisplacementFigures.RecordAsync(db, viewer, figure, cancellationToken));
            case RegisterName.Services:
                var report = new ServiceReportInput
                {
                    Id = row.Id("id"), Place = row.Text("place"), Service = row.Text("service"), Level = row.Text("level"), Date = row.Text("date"),
                    Source = row.Text("source"), Visibility = row.Text("visibility"),
                };
                return row.Refused ?? Replayed(await ServiceReports.RecordAsync(db, viewer, report, cancellationToken));
            case RegisterName.HazardousAreas:
                var area = new HazardousAreaInput { Id = row.Id("id"), Name = row.Text("name"), Status = row.Text("status"), Place = row.Text("place"), Area = row.Polygon("area") };
                return row.Refused ?? Replayed(await HazardousAreas.AddAsync(db, viewer, area, cancellationToken));
            case RegisterName.Assets:
                var asset = new InfrastructureAssetInput
                {
                    Id = row.Id("id"), Name = row.Text("name"), Kind = row.Text("kind"), Place = row.Text("place"),
                    Latitude = row.Degrees("latitude"), Longitude = row.Degrees("longitude"), Visibility = row.Text("visibility"),
                };
                return row.Refused ?? Replayed(await InfrastructureRegister.AddAssetAsync(db, viewer, asset, cancellationToken));
            case RegisterName.Damage:
                var damage = new DamageAssessmentInput { Id = row.Id("id"), Asset = row.Id("asset"), Level = row.Text("level"), Date = row.Text("date"), Source = row.Text("source") };
                return row.Refused ?? Replayed(await InfrastructureRegister.AssessDamageAsync(db, viewer, damage, cancellationToken));
            default:
                var project = new RehabilitationProjectInput
                {
                    Id = row.Id("id"), Asset = row.Id("asset"), Name = row.Text("name"), Status = row.Text("status"),
                    ProgressPercent = row.SmallWholeNumber("progressPercent"), BudgetUsd = row.WholeNumber("budgetUsd"), Funder = row.Text("funder"),
                    Starts = row.Text("starts"), Ends = row.Text("ends"),
                };
                return row.Refused ?? Replayed(await InfrastructureRegister.AddProjectAsync(db, viewer, project, cancellationToken));
        }
    }

    /// <summary>Whether the record was already there (a re-import), or the refusal.</summary>
    private static Result<bool> Replayed<T>(Result<Submitted<T>> result) => result.Failure is { } failure ? failure : result.Value!.Replayed;

    private static string Guid(Guid id) => id.ToString("D");

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Round-trip form ("R"): the import reads back exactly the double that was stored.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
