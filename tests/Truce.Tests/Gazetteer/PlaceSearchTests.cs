using Truce.Demo;
using Truce.Gazetteer;
using Truce.Lists;
using Truce.Storage;

namespace Truce.Tests.Gazetteer;

public sealed class PlaceSearchTests
{
    private static async Task<(ScratchStore Scratch, Store Store)> DemoGazetteerAsync(Engine engine)
    {
        var scratch = await ScratchStore.CreateAsync(engine);
        var store = new Store(scratch.Location, TimeProvider.System);
        await store.MigrateAsync();
        await DemoPlaces.LoadAsync(store);
        return (scratch, store);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_name_of_Khankendi_finds_the_same_place(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await using var db = store.Open();
        foreach (var query in new[] { "Khankendi", "Stepanakert", "Ստեփանակերտ", "Ханкенди", "Степанакерт", "Xankəndi", "xankendi", "KHANK", "stepan" })
        {
            var found = await Places.SearchAsync(db, query, Paging.Default, TestContext.Current.CancellationToken);
            Assert.True(found.Succeeded, query);
            Assert.Equal("az-khankendi", found.Value!.Items[0].Place.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_search_without_diacritics_or_in_another_script_finds_the_place(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await using var db = store.Open();
        foreach (var (query, id) in new[] { ("Lacin", "az-lacin"), ("Лачин", "az-lacin"), ("Berdzor", "az-lacin"), ("Shushi", "az-shusha"), ("Шуша", "az-shusha"), ("Akna", "az-aghdam"), ("Ağdam", "az-aghdam") })
        {
            var found = await Places.SearchAsync(db, query, Paging.Default, TestContext.Current.CancellationToken);
            Assert.Contains(found.Value!.Items, hit => hit.Place.Id == id);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_prefix_lists_each_place_once_shortest_match_first_and_pages(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await using var db = store.Open();
        // The shipped file has Berd (AM) and Berdavan, Berdashen ...; Berdzor is Laçın's Armenian name.
        var all = (await Places.SearchAsync(db, "berd", new Paging(1, 500), TestContext.Current.CancellationToken)).Value!;
        Assert.Equal(all.Items.Count, all.Items.Select(h => h.Place.Id).Distinct().Count());
        Assert.Equal("am-berd", all.Items[0].Place.Id);
        Assert.Contains(all.Items, h => h.Place.Id == "az-lacin");
        Assert.All(all.Items, h => Assert.Contains(h.Names, n => n.Key.StartsWith("bard", StringComparison.Ordinal)));

        var second = (await Places.SearchAsync(db, "berd", new Paging(2, 1), TestContext.Current.CancellationToken)).Value!;
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Items[1].Place.Id, Assert.Single(second.Items).Place.Id);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_query_without_letters_is_refused_naming_q(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await using var db = store.Open();
        var found = await Places.SearchAsync(db, " -- ", Paging.Default, TestContext.Current.CancellationToken);
        Assert.Equal(FailureKind.Malformed, found.Failure!.Kind);
        Assert.Equal(["q"], found.Failure.Errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_nearest_place_of_a_point_is_the_populated_place_closest_to_it(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await using var db = store.Open();
        // 1 km south of Shusha (39.76006, 46.74989); Khankendi is 6.4 km north of Shusha.
        var near = await Places.NearestAsync(db, 39.75106, 46.74989, TestContext.Current.CancellationToken);
        Assert.Equal("az-shusha", near!.Hit.Place.Id);
        Assert.InRange(near.DistanceM, 990, 1010);
        Assert.Null(await Places.NearestAsync(db, 0, 0, TestContext.Current.CancellationToken));
    }
}
