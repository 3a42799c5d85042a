using Truce.Access;
using Truce.Geo;
using Truce.Monitoring;

namespace Truce.Core.Tests.Monitoring;

public sealed class ObservationRulesTests
{
    private static readonly Viewer Monitor = new(Guid.NewGuid(), "monitor", Role.Monitor, null);
    private static readonly HashSet<string> Parties = ["west", "east"];
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static ObservationInput Valid => new()
    {
        Id = Guid.NewGuid(),
        ObservedAt = "2026-11-29T06:15:00+04:00",
        Latitude = 39.8177,
        Longitude = 46.7528,
        Category = "explosion",
        Sensor = "heard",
    };

    private static Failure Refused(ObservationInput input, Viewer? reporter = null)
    {
        var result = ObservationRules.Build(input, reporter ?? Monitor, Parties, Now);
        Assert.False(result.Succeeded);
        return result.Failure!;
    }

    [Fact]
    public void A_minimal_report_gets_defaults_and_its_time_in_utc()
    {
        var result = ObservationRules.Build(Valid, Monitor, Parties, Now);
        var o = result.Value!;
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 2, 15, 0, TimeSpan.Zero), o.ObservedFrom);
        Assert.Equal(TimeSpan.Zero, o.ObservedFrom.Offset);
        Assert.Equal(o.ObservedFrom, o.ObservedTo);
        Assert.Equal(TimePrecision.Exact, o.TimePrecision);
        Assert.Equal(100, o.LocationPrecisionM);
        Assert.Equal(1, o.Count);
        Assert.Equal(Visibility.Internal, o.Visibility);
        Assert.Equal("user:monitor", o.Source);
        Assert.Equal(Geohash.Encode(39.8177, 46.7528), o.Cell);
        Assert.Equal(Monitor.UserId, o.ReporterId);
    }

    [Theory]
    [InlineData(91.0, 46.0, "latitude")]
    [InlineData(-90.5, 46.0, "latitude")]
    [InlineData(39.0, 181.0, "longitude")]
    [InlineData(double.NaN, 46.0, "latitude")]
    public void A_position_off_the_globe_is_named(double latitude, double longitude, string field) =>
        Assert.Contains(field, Refused(Valid with { Latitude = latitude, Longitude = longitude }).Errors.Keys);

    [Fact]
    public void An_unknown_category_lists_the_known_ones()
    {
        var failure = Refused(Valid with { Category = "artillery_duel" });
        Assert.Contains("small_arms_fire", failure.Errors["category"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_that_ends_before_it_starts_is_refused() =>
        Assert.Contains("observedTo", Refused(Valid with
        {
            ObservedAt = null,
            ObservedFrom = "2026-11-29T06:00:00Z",
            ObservedTo = "2026-11-29T05:00:00Z",
        }).Errors.Keys);

    [Fact]
    public void A_time_without_an_offset_is_ambiguous_and_refused() =>
        Assert.Contains("observedAt", Refused(Valid with { ObservedAt = "2026-11-29T06:00:00" }).Errors.Keys);

    [Fact]
    public void A_time_in_the_future_is_refused_beyond_the_clock_skew()
    {
        Assert.Contains("observedAt", Refused(Valid with { ObservedAt = "2026-11-29T09:00:00Z" }).Errors.Keys);
        Assert.True(ObservationRules.Build(Valid with { ObservedAt = "2026-11-29T08:05:00Z" }, Monitor, Parties, Now).Succeeded);
    }

    [Fact]
    public void An_unknown_party_is_named() =>
        Assert.Contains("allegedParty", Refused(Valid with { AllegedParty = "north" }).Errors.Keys);

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var failure = Refused(new ObservationInput { Latitude = 100, Longitude = 46, Count = 0 });
        Assert.Superset(new HashSet<string> { "id", "observedAt", "latitude", "category", "sensor", "count" }, failure.Errors.Keys.ToHashSet());
    }

    [Fact]
    public void A_monitor_may_not_publish() =>
        Assert.Contains("visibility", Refused(Valid with { Visibility = "public" }).Errors.Keys);

    [Fact]
    public void A_liaison_report_is_marked_with_its_party()
    {
        var liaison = new Viewer(Guid.NewGuid(), "liaison", Role.Liaison, "west");
        Assert.Equal("west", ObservationRules.Build(Valid, liaison, Parties, Now).Value!.SubmittedByPartyId);
    }

    [Fact]
    public void Bearing_and_distance_from_the_observer_locate_the_event_with_a_precision_that_grows_with_distance()
    {
        var input = Valid with
        {
            Latitude = null,
            Longitude = null,
            ObserverLatitude = 39.8177,
            ObserverLongitude = 46.7528,
            BearingDeg = 90,
            DistanceM = 3_000,
        };
        var o = ObservationRules.Build(input, Monitor, Parties, Now).Value!;
        Assert.InRange(GeoMath.DistanceM(39.8177, 46.7528, o.Latitude, o.Longitude), 2_990, 3_010);
        Assert.True(o.Longitude > 46.7528, "due east moves east");
        Assert.Equal(300, o.LocationPrecisionM);
    }

    [Fact]
    public void A_bearing_without_a_distance_is_named()
    {
        var failure = Refused(Valid with { Latitude = null, Longitude = null, ObserverLatitude = 39.8, ObserverLongitude = 46.7, BearingDeg = 400 });
        Assert.Contains("bearingDeg", failure.Errors.Keys);
        Assert.Contains("distanceM", failure.Errors.Keys);
    }

    [Fact]
    public void The_same_body_hashes_the_same_and_another_body_differently()
    {
        var input = Valid;
        var first = ObservationRules.Build(input, Monitor, Parties, Now).Value!;
        var again = ObservationRules.Build(input with { }, Monitor, Parties, Now.AddMinutes(5)).Value!;
        var other = ObservationRules.Build(input with { Count = 2 }, Monitor, Parties, Now).Value!;
        Assert.Equal(first.SubmissionHash, again.SubmissionHash);
        Assert.NotEqual(first.SubmissionHash, other.SubmissionHash);
    }

    [Fact]
    public void Control_characters_in_text_are_refused() =>
        Assert.Contains("narrative", Refused(Valid with { Narrative = "bad\u0000byte" }).Errors.Keys);
}
