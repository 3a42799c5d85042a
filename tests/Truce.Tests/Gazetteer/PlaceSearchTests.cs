using System.Globalization;
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
        var store = await scratch.MigratedAsync();
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

    /// <summary>
    /// 1 500 places "Zzyzx 0001" … "Zzyzx 1500", each with three more names ("… a", "… b", "… c"): 6 000 names under one
    /// prefix, more than one chunk of the index range and more places than a search counts exactly.
    /// </summary>
    internal static async Task WriteManyAsync(Store store)
    {
        var records = new List<object>();
        for (var i = 1; i <= 1_500; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"zz-{i:D4}");
            var name = string.Create(CultureInfo.InvariantCulture, $"Zzyzx {i:D4}");
            records.Add(Places.At(id, name, PlaceKind.PopulatedPlace, 40, 47, "AZ"));
            foreach (var suffix in new[] { "", " a", " b", " c" })
            {
                records.Add(Places.Name(Guid.CreateVersion7(), id, name + suffix, "", NameKind.Alternate));
            }
        }
        await using var db = store.Open();
        await db.BulkInsertAsync(records, TestContext.Current.CancellationToken);
    }

    private static string[] Numbered(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"zz-{i:D4}"))];

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Past_a_thousand_places_the_total_is_a_lower_bound_and_every_page_is_still_exact(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await WriteManyAsync(store);
        await using var db = store.Open();
        var cancel = TestContext.Current.CancellationToken;

        var first = (await Places.SearchAsync(db, "zzyzx", Paging.Default, cancel)).Value!;
        Assert.Equal((1_000, true, 21), (first.Total, first.TotalIsLowerBound, first.PageCount));
        Assert.Equal(Numbered(1, 50), first.Items.Select(h => h.Place.Id));

        // Page 25 lies past the bound: the count goes on to the page's end, and the page comes from the second chunk.
        var deep = (await Places.SearchAsync(db, "zzyzx", new Paging(25, 50), cancel)).Value!;
        Assert.Equal((1_250, true), (deep.Total, deep.TotalIsLowerBound));
        Assert.Equal(Numbered(1_201, 1_250), deep.Items.Select(h => h.Place.Id));

        // The last page reaches the end of the range, so its total is exact again.
        var last = (await Places.SearchAsync(db, "zzyzx", new Paging(30, 50), cancel)).Value!;
        Assert.Equal((1_500, false, 30), (last.Total, last.TotalIsLowerBound, last.PageCount));
        Assert.Equal(Numbered(1_451, 1_500), last.Items.Select(h => h.Place.Id));

        // A prefix of only z's has no key after it (NameKey.After is null): the range is read without an upper end.
        var open = (await Places.SearchAsync(db, "zz", Paging.Default, cancel)).Value!;
        Assert.Equal((1_000, true), (open.Total, open.TotalIsLowerBound));
        Assert.Equal(Numbered(1, 50), open.Items.Select(h => h.Place.Id));

        // Under the bound: 501 places ("Zzyzx 1000" … "Zzyzx 1500"), 2 004 names, counted exactly.
        var some = (await Places.SearchAsync(db, "ZZYZX 1", Paging.Default, cancel)).Value!;
        Assert.Equal((501, false), (some.Total, some.TotalIsLowerBound));
        Assert.Equal(Numbered(1_000, 1_049), some.Items.Select(h => h.Place.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_exact_count_reads_across_chunks(Engine engine)
    {
        var (scratch, store) = await DemoGazetteerAsync(engine);
        await using var _ = scratch;
        await WriteManyAsync(store);
        await using var db = store.Open();
        // With the bound raised, all 6 000 names are read (two chunks) and the 1 500 places counted once each.
        var all = (await Places.SearchAsync(db, "zzyzx", new Paging(2, 1_000), countUpTo: 2_000, TestContext.Current.CancellationToken)).Value!;
        Assert.Equal((1_500, false), (all.Total, all.TotalIsLowerBound));
        Assert.Equal(Numbered(1_001, 1_500), all.Items.Select(h => h.Place.Id));
    }
}
