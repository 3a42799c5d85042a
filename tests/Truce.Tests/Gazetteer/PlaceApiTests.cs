using System.Net;
using System.Net.Http.Headers;
using Truce.Access;
using Truce.Demo;
using Truce.Storage;

namespace Truce.Tests.Gazetteer;

public sealed class PlaceApiTests
{
    private static async Task<TruceApp> StartAsync(Engine engine)
    {
        var app = await TruceApp.StartAsync(engine);
        await DemoPlaces.LoadAsync(app.Store);
        return app;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_search_answers_a_page_of_places_named_in_the_asked_language(Engine engine)
    {
        await using var app = await StartAsync(engine);
        var client = app.CreateClient();

        using var response = await client.GetAsync("/api/places?q=%D0%A5%D0%B0%D0%BD%D0%BA%D0%B5%D0%BD%D0%B4%D0%B8&lang=hy", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Json.ReadAsync(response);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var place = page.GetProperty("items")[0];
        Assert.Equal("az-khankendi", place.GetProperty("id").GetString());
        Assert.Equal("Ստեփանակերտ", place.GetProperty("name").GetString());
        Assert.Equal("populated_place", place.GetProperty("kind").GetString());
        Assert.Contains(place.GetProperty("names").EnumerateArray(), n => n.GetProperty("name").GetString() == "Ханкенди" && n.GetProperty("language").GetString() == "ru");
    }

    [Fact]
    public async Task Without_lang_the_name_follows_Accept_Language()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("az"));

        var place = (await Json.ReadAsync(await client.GetAsync("/api/places?q=stepanakert", TestContext.Current.CancellationToken))).GetProperty("items")[0];

        Assert.Equal("Xankəndi", place.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/places?q=%E2%80%94", "q")]
    [InlineData("/api/places?q=berd&lang=xx-not-a-tag!", "lang")]
    [InlineData("/api/places?q=berd&pageSize=0", "pageSize")]
    [InlineData("/api/places/map?bbox=1,2,3", "bbox")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string field)
    {
        await using var app = await StartAsync(Engine.Sqlite);
        using var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await Json.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task A_place_shows_its_names_and_only_the_observations_near_it_the_viewer_may_see()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("analyst1", Role.Analyst);
        // Json.Observation() is at Khankendi; one internal, one public, one 30 km away.
        var inside = Json.Observation();
        var shared = Json.Observation();
        shared["visibility"] = "public";
        var far = Json.Observation();
        far["latitude"] = 40.09;
        foreach (var body in new[] { inside, shared, far })
        {
            Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);
        }

        var asMonitor = await Json.ReadAsync(await monitor.GetAsync("/api/places/az-khankendi", TestContext.Current.CancellationToken));
        var asPublic = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/places/az-khankendi", TestContext.Current.CancellationToken));

        Assert.Equal(6 + 1, asMonitor.GetProperty("place").GetProperty("names").GetArrayLength());
        Assert.Equal(5, asMonitor.GetProperty("radiusKm").GetDouble());
        Assert.Equal(2, asMonitor.GetProperty("observations").GetProperty("total").GetInt32());
        Assert.Equal(1, asPublic.GetProperty("observations").GetProperty("total").GetInt32());
        Assert.Equal(shared["id"]!.ToString(), asPublic.GetProperty("observations").GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Without_a_query_the_whole_gazetteer_is_listed_a_page_at_a_time()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var page = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/places?pageSize=10&page=2", TestContext.Current.CancellationToken));
        // The shipped file's 674 places.
        Assert.Equal((674, 10, 68), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength(), page.GetProperty("pageCount").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_place_is_a_404_in_the_api_and_on_the_page()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/places/nowhere", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/places/nowhere", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_search_page_lists_the_place_in_the_readers_language_with_the_other_names_on_hover()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));

        var html = await client.GetStringAsync("/places?q=Stepanakert", TestContext.Current.CancellationToken);

        Assert.Contains("href=\"/places/az-khankendi\"", html, StringComparison.Ordinal);
        Assert.Contains(">Ханкенди</a>", html, StringComparison.Ordinal);
        Assert.Matches("title=\"[^\"]*Ստեփանակերտ[^\"]*\"", html);
    }

    [Fact]
    public async Task An_observation_page_names_the_place_it_is_near()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var monitor = await app.SignInAsync("monitor1", Role.Monitor);
        var api = await app.ClientAsync("monitor2", Role.Monitor);
        var body = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/observations", body)).StatusCode);

        var html = await monitor.GetStringAsync($"/observations/{body["id"]}", TestContext.Current.CancellationToken);

        Assert.Contains("href=\"/places/az-khankendi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_layer_names_localities_in_the_readers_language()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("hy"));

        var layer = await Json.ReadAsync(await client.GetAsync("/api/places/map?bbox=46.5,39.5,47,40", TestContext.Current.CancellationToken));

        var features = layer.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => f.GetProperty("id").GetString() == "az-khankendi" && f.GetProperty("properties").GetProperty("name").GetString() == "Ստեփանակերտ");
        Assert.All(features, f =>
        {
            var at = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(at[0].GetDouble(), 46.5, 47);
            Assert.InRange(at[1].GetDouble(), 39.5, 40);
        });
    }

    [Fact]
    public async Task Past_a_thousand_places_the_api_and_the_page_say_more_than_a_thousand()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        await PlaceSearchTests.WriteManyAsync(app.Store);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));

        var page = await Json.ReadAsync(await client.GetAsync("/api/places?q=zzyzx", TestContext.Current.CancellationToken));
        Assert.Equal((1_000, true, 21), (page.GetProperty("total").GetInt32(), page.GetProperty("totalIsLowerBound").GetBoolean(), page.GetProperty("pageCount").GetInt32()));
        var exact = await Json.ReadAsync(await client.GetAsync("/api/places?q=stepanakert", TestContext.Current.CancellationToken));
        Assert.False(exact.GetProperty("totalIsLowerBound").GetBoolean());

        var html = await client.GetStringAsync("/places?q=zzyzx", TestContext.Current.CancellationToken);
        Assert.Contains("Страница 1 (всего больше 1", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }
}
