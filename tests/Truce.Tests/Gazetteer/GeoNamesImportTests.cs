using Microsoft.EntityFrameworkCore;
using Truce.Gazetteer;
using Truce.Storage;

namespace Truce.Tests.Gazetteer;

using Cli = Truce.Tests.Cli.Cli;

public sealed class GeoNamesImportTests
{
    // Rows in GeoNames' documented layout (export/dump/readme.txt): the main table's 19 tab-separated columns
    // (geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, country code,
    // cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date), no header.
    private static readonly string[] Main =
    [
        "174979\tKhankendi\tKhankendi\tKhankendi,Stepanakert,Xankendi,Xankəndi,Степанакерт,Ստեփանակերտ\t39.8177\t46.7528\tP\tPPLA\tAZ\t\t61\t\t\t\t55200\t\t812\tAsia/Baku\t2023-11-07",
        "585103\tShusha\tShusha\tShushi,Şuşa,Шуша\t39.76006\t46.74989\tP\tPPLA2\tAZ\t\t55\t\t\t\t4064\t\t1386\tAsia/Baku\t2023-11-07",
        "587116\tAğdam Rayonu\tAgdam Rayonu\t\t40.0\t46.9\tA\tADM1\tAZ\t\t03\t\t\t\t0\t\t300\tAsia/Baku\t2023-01-01",
    ];

    // alternateNamesV2: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName,
    // isColloquial, isHistoric, from, to.
    private static readonly string[] Alternates =
    [
        "9001\t174979\tru\tХанкенди\t1\t\t\t\t\t",
        "9002\t174979\thy\tՍտեփանակերտ\t1\t\t\t\t\t",
        "9003\t174979\tru\tСтепанакерт\t\t\t\t1\t1923\t2023",
        "9004\t174979\tlink\thttps://en.wikipedia.org/wiki/Stepanakert\t\t\t\t\t\t",
        "9005\t585103\taz\tŞuşa\t1\t\t\t\t\t",
        "9006\t585103\ten\tShushi\t\t\t1\t\t\t",
    ];

    private static async Task<string> FileAsync(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-geonames-").FullName, "AZ.txt");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", TestContext.Current.CancellationToken);
        return path;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_main_table_and_its_alternates_load_places_with_their_names_languages_and_kinds(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var db = scratch.Location.ConnectionString;

        var main = await Cli.RunAsync("import", "geonames", await FileAsync(Main), "--db", db);
        Assert.Equal(0, main.ExitCode);
        // Khankendi: the name, and 5 alternatenames other than it (its ASCII name is the same); Shusha: 1 + 3; the district: 1 + its ASCII name.
        Assert.Contains("3 places and 12 names added", main.Output, StringComparison.Ordinal);

        var alternates = await Cli.RunAsync("import", "geonames-alternates", await FileAsync(Alternates), "--db", db);
        Assert.Equal(0, alternates.ExitCode);
        Assert.Contains("0 places and 5 names added", alternates.Output, StringComparison.Ordinal);
        Assert.Contains("1 passed over", alternates.Output, StringComparison.Ordinal);

        await using var context = new Store(scratch.Location, TimeProvider.System).Open();
        var khankendi = await context.Set<Place>().SingleAsync(p => p.Id == "geonames:174979", TestContext.Current.CancellationToken);
        Assert.Equal((PlaceKind.PopulatedPlace, "AZ", "61", 55200L, 174979L), (khankendi.Kind, khankendi.CountryCode, khankendi.Admin1, khankendi.Population!.Value, khankendi.GeoNamesId!.Value));
        Assert.Equal(PlaceKind.AdministrativeArea, (await context.Set<Place>().SingleAsync(p => p.Id == "geonames:587116", TestContext.Current.CancellationToken)).Kind);
        var names = await context.Set<PlaceName>().Where(n => n.PlaceId == "geonames:174979" && n.Language != "").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [("hy", "Ստեփանակերտ", "Armn", NameKind.Official, null), ("ru", "Степанакерт", "Cyrl", NameKind.Historic, "1923"), ("ru", "Ханкенди", "Cyrl", NameKind.Official, null)],
            names.OrderBy(n => n.Language, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => (n.Language, n.Name, n.Script, n.Kind, n.From)));
        Assert.Equal(NameKind.Local, (await context.Set<PlaceName>().SingleAsync(n => n.Name == "Shushi" && n.Language == "en", TestContext.Current.CancellationToken)).Kind);
        Assert.Equal(NameKey.Of("Ханкенди"), names.Single(n => n.Name == "Ханкенди").Key);

        var again = await Cli.RunAsync("import", "geonames-alternates", await FileAsync(Alternates), "--db", db);
        Assert.Contains("0 places and 0 names added, 5 already in the gazetteer", again.Output, StringComparison.Ordinal);
        var mainAgain = await Cli.RunAsync("import", "geonames", await FileAsync(Main), "--db", db);
        Assert.Contains("0 places and 0 names added, 3 already in the gazetteer", mainAgain.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", db)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Bad_lines_refuse_the_whole_file_naming_line_and_field(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var db = scratch.Location.ConnectionString;
        var path = await FileAsync(
            Main[0],
            Main[1].Replace("39.76006", "north", StringComparison.Ordinal),
            string.Join('\t', Main[2].Split('\t')[..18]),
            Main[2].Replace("\t0\t\t300", "\tmany\t\t300", StringComparison.Ordinal));

        var run = await Cli.RunAsync("import", "geonames", path, "--db", db, "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("\"rejected\":3", run.Output, StringComparison.Ordinal);
        Assert.Contains("{\"line\":2,\"field\":\"latitude\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("{\"line\":3,\"field\":\"columns\",\"message\":\"expected 19 tab-separated columns (GeoNames\\u0027 main table), found 18.\"}", run.Output, StringComparison.Ordinal);
        Assert.Contains("{\"line\":4,\"field\":\"population\"", run.Output, StringComparison.Ordinal);
        await using var context = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(0, await context.Set<Place>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_alternate_name_of_a_place_not_in_the_gazetteer_is_refused(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var db = scratch.Location.ConnectionString;
        Assert.Equal(0, (await Cli.RunAsync("import", "geonames", await FileAsync(Main), "--db", db)).ExitCode);

        var run = await Cli.RunAsync("import", "geonames-alternates", await FileAsync(Alternates[0], "9100\t999999\tru\tНигде\t\t\t\t\t\t", "9101\t174979\tru\tХ\t2\t\t\t\t\t"), "--db", db);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("line 2: geonameid: no place geonames:999999 in the gazetteer", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3: isPreferredName: '2' is not 1 or empty.", run.Error, StringComparison.Ordinal);
        await using var context = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.False(await context.Set<PlaceName>().AnyAsync(n => n.Name == "Ханкенди", TestContext.Current.CancellationToken));
    }
}
