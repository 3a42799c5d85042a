using Truce.Handovers;

namespace Truce.Core.Tests.Handovers;

public sealed class ShapeRulesTests
{
    private static (FieldErrors Errors, bool Read) Polygon(string json)
    {
        var errors = new FieldErrors();
        var read = ShapeRules.Polygon(json, "area", errors) is not null;
        return (errors, read);
    }

    [Fact]
    public void A_closed_simple_ring_is_read_and_stored_in_one_form()
    {
        var errors = new FieldErrors();
        var shape = ShapeRules.Polygon("""{ "type": "Polygon", "coordinates": [[[46, 40], [46.1, 40], [46.1, 40.1], [46, 40]]] }""", "area", errors);

        Assert.False(errors.Any);
        Assert.Equal("""{"type":"Polygon","coordinates":[[[46,40],[46.1,40],[46.1,40.1],[46,40]]]}""", shape!.Value.Json);
    }

    [Fact]
    public void An_unclosed_ring_is_refused_at_its_ring()
    {
        var (errors, read) = Polygon("""{ "type": "Polygon", "coordinates": [[[46, 40], [46.1, 40], [46.1, 40.1], [46, 40.1]]] }""");

        Assert.False(read);
        var failure = errors.ToFailure();
        Assert.Contains("not closed", Assert.Single(failure.Errors["area.coordinates[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_intersecting_ring_is_refused()
    {
        // A bow tie: the edges (46,40)-(46.1,40.1) and (46.1,40)-(46,40.1) cross.
        var (errors, read) = Polygon("""{ "type": "Polygon", "coordinates": [[[46, 40], [46.1, 40.1], [46.1, 40], [46, 40.1], [46, 40]]] }""");

        Assert.False(read);
        Assert.Contains("cross itself", Assert.Single(errors.ToFailure().Errors["area.coordinates"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "Point", "coordinates": [46, 40] }""", "area.type")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[46, 40], [200, 40], [46.1, 40.1], [46, 40]]] }""", "area.coordinates[0][1]")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[46, 40], [46.1, 40], [46, 40]]] }""", "area.coordinates[0]")]
    [InlineData("not json", "area")]
    public void Other_bad_shapes_name_their_field(string json, string field)
    {
        var (errors, read) = Polygon(json);

        Assert.False(read);
        Assert.True(errors.ToFailure().Errors.ContainsKey(field), string.Join(", ", errors.ToFailure().Errors.Keys));
    }
}
