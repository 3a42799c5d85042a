using System.Net;
using Truce.Access;
using Truce.Geo;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Reports;

/// <summary>The public map counts verified public incidents per cell, from the public's view, and nothing else.</summary>
public sealed class PublicMapTests
{
    private static Incident At(double latitude, double longitude, IncidentStatus status, Visibility visibility) => new()
    {
        Id = Guid.NewGuid(), Title = "Shelling", Category = Category.Explosion, Status = status, Visibility = visibility,
        StartsAt = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 11, 28, 6, 5, 0, TimeSpan.Zero),
        Latitude = latitude, Longitude = longitude, LocationPrecisionM = 100, Cell = Geohash.Encode(latitude, longitude),
        CreatedAt = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Only_verified_public_incidents_are_counted_and_a_thin_cell_is_withheld(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await using (var db = app.Store.Open())
        {
            // Three verified and public a few hundred metres apart: one cell of three.
            db.Incidents.AddRange(At(39.841, 46.741, IncidentStatus.Verified, Visibility.Public), At(39.842, 46.742, IncidentStatus.Verified, Visibility.Public),
                At(39.843, 46.741, IncidentStatus.Verified, Visibility.Public));
            // Beside them, none of these may be counted: verified but internal or shared with the parties only, public but not verified.
            db.Incidents.AddRange(At(39.841, 46.742, IncidentStatus.Verified, Visibility.Internal), At(39.842, 46.741, IncidentStatus.Verified, Visibility.Parties),
                At(39.843, 46.742, IncidentStatus.Reported, Visibility.Public), At(39.841, 46.743, IncidentStatus.Disputed, Visibility.Public));
            // Two verified and public far away: a cell under the minimum of three, withheld.
            db.Incidents.AddRange(At(40.50, 45.50, IncidentStatus.Verified, Visibility.Public), At(40.501, 45.501, IncidentStatus.Verified, Visibility.Public));
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/public/grid");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var grid = await Json.ReadAsync(response);
        var cell = Assert.Single(grid.GetProperty("features").EnumerateArray());
        Assert.Equal(3, cell.GetProperty("properties").GetProperty("count").GetInt32());
        var ring = cell.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.Equal(5, ring.Count);
        Assert.InRange(39.842, ring.Min(p => p.Lat), ring.Max(p => p.Lat));
        Assert.InRange(46.742, ring.Min(p => p.Lon), ring.Max(p => p.Lon));
        Assert.Equal(2, grid.GetProperty("withheld").GetInt32());
        Assert.Equal(5, grid.GetProperty("total").GetInt32());

        var page = await client.GetStringAsync("/public/map");
        Assert.Contains("data-label=\"Verified incidents\">3</td>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    [InlineData("ten")]
    public async Task A_cell_size_out_of_range_is_refused_naming_km(string km)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var response = await app.CreateClient().GetAsync($"/api/public/grid?km={km}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["km"], await Json.ProblemFieldsAsync(response));
    }
}
