using System.Text.Json;
using Truce.Storage;

namespace Truce.Tests.Api;

/// <summary>
/// The OpenAPI document describes the query parameters each endpoint's handler reads (they are parsed in Core, so the
/// framework cannot see them): the lists below are written by hand from the handlers, so a parameter added to a handler
/// and not to the document, or the other way round, fails here.
/// </summary>
public sealed class OpenApiParameterTests
{
    private static readonly string[] Lists =
        ["from", "to", "category", "status", "party", "incident", "near", "radius_km", "bbox", "zone", "page", "pageSize", "format"];

    public static TheoryData<string, string[]> Endpoints => new()
    {
        { "/api/observations", Lists },
        { "/api/incidents", Lists },
        { "/api/metrics", ["from", "to", "groupBy", "status", "format"] },
        { "/api/corroboration/proposals", ["from", "to"] },
        { "/api/journal", ["after", "limit"] },
        { "/api/places", ["q", "lang", "page", "pageSize"] },
        { "/api/places/map", ["bbox"] },
        { "/api/places/{id}", ["lang"] },
    };

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        return await Json.ReadAsync(await app.CreateClient().GetAsync("/openapi/v1.json"));
    }

    private static JsonElement Get(JsonElement document, string path) =>
        document.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == path).Value.GetProperty("get");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_endpoint_declares_exactly_the_query_parameters_its_handler_reads_each_typed(string path, string[] reads)
    {
        var operation = Get(await DocumentAsync(), path);
        var query = operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").ToList();

        Assert.Equal(reads.Order(), query.Select(p => p.GetProperty("name").GetString()!).Order());
        Assert.All(query, p => Assert.Contains(p.GetProperty("schema").GetProperty("type").GetString(), new[] { "string", "integer", "number" }));
        Assert.All(query, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task Numbers_have_a_format_and_closed_choices_list_their_allowed_values()
    {
        var document = await DocumentAsync();
        JsonElement Parameter(string path, string name) =>
            Get(document, path).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");
        string[] Allowed(string path, string name) => [.. Parameter(path, name).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

        Assert.Equal("int32", Parameter("/api/observations", "pageSize").GetProperty("format").GetString());
        Assert.Equal("double", Parameter("/api/incidents", "radius_km").GetProperty("format").GetString());
        Assert.Equal("int64", Parameter("/api/journal", "after").GetProperty("format").GetString());
        Assert.Equal("uuid", Parameter("/api/observations", "incident").GetProperty("format").GetString());
        Assert.Equal(["day", "zone", "category", "party"], Allowed("/api/metrics", "groupBy"));
        Assert.Contains("small_arms_fire", Allowed("/api/incidents", "category"));
        Assert.Contains("under_review", Allowed("/api/incidents", "status"));
        Assert.Equal(["geojson"], Allowed("/api/observations", "format"));
        Assert.Equal(["csv"], Allowed("/api/metrics", "format"));
    }
}
