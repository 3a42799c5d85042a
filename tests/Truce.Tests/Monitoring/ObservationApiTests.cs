using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

public sealed class ObservationApiTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_submitted_observation_can_be_read_back_in_utc(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        body["observedAt"] = "2026-11-29T10:40:00+04:00";

        var created = await monitor.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/observations/{body["id"]}", created.Headers.Location?.OriginalString);
        var read = await Json.ReadAsync(await monitor.GetAsync(created.Headers.Location));
        Assert.Equal("2026-11-29T06:40:00+00:00", read.GetProperty("observedFrom").GetString());
        Assert.Equal("explosion", read.GetProperty("category").GetString());
        Assert.Equal(2, read.GetProperty("count").GetInt32());
        Assert.Equal(39.8177, read.GetProperty("latitude").GetDouble());
        Assert.Equal("internal", read.GetProperty("visibility").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_retry_with_the_same_id_returns_the_first_result_and_stores_one_row(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();

        var first = await monitor.PostAsync("/api/observations", body);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => monitor.PostAsync("/api/observations", body)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var firstReceived = (await Json.ReadAsync(first)).GetProperty("receivedAt").GetString();
        foreach (var retry in retries)
        {
            Assert.Equal(firstReceived, (await Json.ReadAsync(retry)).GetProperty("receivedAt").GetString());
        }
        await using var db = app.Store.Open();
        Assert.Equal(1, await db.Observations.CountAsync());
        Assert.Equal(1, await db.Journal.CountAsync(j => j.Entity == "observations"));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_same_id_with_another_body_is_a_conflict_and_changes_nothing(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);
        body["count"] = 7;

        var response = await monitor.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["id"], await Json.ProblemFieldsAsync(response));
        var stored = await Json.ReadAsync(await monitor.GetAsync($"/api/observations/{body["id"]}"));
        Assert.Equal(2, stored.GetProperty("count").GetInt32());
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "latitude", 91.5, "latitude" },
        { "longitude", -200, "longitude" },
        { "category", "artillery_duel", "category" },
        { "allegedParty", "north", "allegedParty" },
        { "sensor", "smelled", "sensor" },
        { "count", 0, "count" },
        { "timePrecision", "century", "timePrecision" },
        { "observedAt", "yesterday", "observedAt" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_bad_field_is_named_in_a_422_and_nothing_is_stored(string field, object? value, string named)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        body[field] = value;

        var response = await monitor.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(named, await Json.ProblemFieldsAsync(response));
        await using var db = app.Store.Open();
        Assert.False(await db.Observations.AnyAsync());
        Assert.False(await db.Journal.AnyAsync(j => j.Entity == "observations"));
    }

    [Fact]
    public async Task An_interval_ending_before_it_starts_is_refused()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        body.Remove("observedAt");
        body["observedFrom"] = "2026-11-29T06:00:00Z";
        body["observedTo"] = "2026-11-29T05:00:00Z";

        var response = await monitor.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["observedTo"], await Json.ProblemFieldsAsync(response));
    }

    [Theory]
    [InlineData("{\"id\": \"7c9e6679-7425-40de-944b-e07fc1f90ae7\", \"latitude\": ", "body")]
    [InlineData("{\"id\": \"not-a-uuid\"}", "id")]
    [InlineData("{\"latitude\": \"north\"}", "latitude")]
    [InlineData("[1, 2, 3]", "body")]
    public async Task Malformed_json_is_a_400_naming_where(string json, string field)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);

        var response = await monitor.PostAsync("/api/observations", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await Json.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task Submitting_needs_a_signed_in_user_with_a_role_that_reports()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var anonymous = app.CreateClient();
        var humanitarian = await app.ClientAsync("partner", Role.Humanitarian);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/observations", Json.Observation())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await humanitarian.PostAsync("/api/observations", Json.Observation())).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "truce_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/observations", Json.Observation())).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Lists_filter_by_category_and_time_and_page(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        for (var i = 0; i < 5; i++)
        {
            var body = Json.Observation();
            body["observedAt"] = $"2026-11-2{i}T06:00:00Z";
            body["category"] = i % 2 == 0 ? "explosion" : "small_arms_fire";
            Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);
        }

        var explosions = await Json.ReadAsync(await monitor.GetAsync("/api/observations?category=explosion"));
        var window = await Json.ReadAsync(await monitor.GetAsync("/api/observations?from=2026-11-21T00:00:00Z&to=2026-11-23T23:00:00Z"));
        var secondPage = await Json.ReadAsync(await monitor.GetAsync("/api/observations?page=2&pageSize=2"));

        Assert.Equal(3, explosions.GetProperty("total").GetInt32());
        Assert.All(explosions.GetProperty("items").EnumerateArray(), o => Assert.Equal("explosion", o.GetProperty("category").GetString()));
        Assert.Equal(3, window.GetProperty("total").GetInt32());
        Assert.Equal(2, secondPage.GetProperty("items").GetArrayLength());
        Assert.Equal(3, secondPage.GetProperty("pageCount").GetInt32());
        // Newest first: page 2 of 2-per-page holds the 3rd and 4th newest (the 22nd and 21st).
        Assert.Equal("2026-11-22T06:00:00+00:00", secondPage.GetProperty("items")[0].GetProperty("observedFrom").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("category=rumour", "category")]
    [InlineData("from=last-week", "from")]
    public async Task A_bad_list_parameter_is_named(string query, string parameter)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var response = await app.CreateClient().GetAsync($"/api/observations?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([parameter], await Json.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task GeoJson_is_answered_as_an_RFC_7946_feature_collection_longitude_first()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/observations");
        request.Headers.Accept.ParseAdd("application/geo+json");

        var response = await monitor.SendAsync(request);
        var geo = await Json.ReadAsync(response);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var feature = geo.GetProperty("features")[0];
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(body["id"]!.ToString(), feature.GetProperty("id").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([46.7528, 39.8177], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("explosion", feature.GetProperty("properties").GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_liaison_sees_shared_records_and_its_own_party_but_not_the_other_partys_internal_ones()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        var own = Json.Observation();
        own["visibility"] = "internal";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", own)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await west.GetAsync($"/api/observations/{own["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/observations/{own["id"]}")).StatusCode);
        var eastList = await Json.ReadAsync(await east.GetAsync("/api/observations?pageSize=500"));
        Assert.All(eastList.GetProperty("items").EnumerateArray(), o =>
            Assert.True(o.GetProperty("visibility").GetString() != "internal" || o.GetProperty("submittedByParty").GetString() == "east"));
        Assert.True(eastList.GetProperty("total").GetInt32() > 0, "the demo shares some reports with the parties");
    }
}
