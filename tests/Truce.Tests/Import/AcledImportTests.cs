using Microsoft.EntityFrameworkCore;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Tests.Import;

using Cli = Truce.Tests.Cli.Cli;

public sealed class AcledImportTests
{
    // There is no real ACLED file in the shared data (its licence forbids redistribution): this one is built
    // from the column names ACLED documents for its 2023+ exports, with invented events.
    private const string Acled = """
        event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
        XYZ100,2024-03-05,2024,1,Political violence,Battles,Armed clash,Military Forces of X,,1,Rebels of Y,,2,12,,999,Region,Xland,North,,,Hilltown,40.1000,46.2000,1,Local press,National,Clashes near the bridge.,3,,1710000000
        XYZ101,2024-03-06,2024,2,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of X,,1,,,0,10,,999,Region,Xland,North,,,Rivertown,40.2000,46.3000,2,Local press,National,Shelling reported.,0,,1710000000
        XYZ102,06 March 2024,2024,3,Political violence,Violence against civilians,Attack,Rebels of Y,,2,Civilians (Xland),,7,27,Civilian targeting,999,Region,Xland,South,,,Lakeside,40.3000,46.4000,3,Local press,National,"Two killed, one ""missing"".",2,,1710000000
        XYZ103,2024-03-07,2024,1,Demonstrations,Protests,Peaceful protest,Protesters (Xland),,6,,,0,60,,999,Region,Xland,South,,,Lakeside,40.3000,46.4000,1,Local press,National,Protest.,0,,1710000000
        """;

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task ACLED_rows_map_their_types_precisions_and_fatalities(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        var db = store.Location.ConnectionString;
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", db)).ExitCode);
        var path = ImportFiles.TempPath(".csv");
        await File.WriteAllTextAsync(path, Acled, TestContext.Current.CancellationToken);

        var run = await Cli.RunAsync("import", "acled", path, "--db", db);

        Assert.Equal(0, run.ExitCode);
        await using var context = new Store(store.Location, TimeProvider.System).Open();
        var rows = await context.Observations.Where(o => o.Source == "ACLED").ToDictionaryAsync(o => o.SourceExternalId!);
        Assert.Equal(4, rows.Count);
        Assert.Equal((Category.SmallArmsFire, 3, 0, 2_000, TimePrecision.Day), (rows["XYZ100"].Category, rows["XYZ100"].CombatantsKilled, rows["XYZ100"].CiviliansKilled, rows["XYZ100"].LocationPrecisionM, rows["XYZ100"].TimePrecision));
        Assert.Equal((Category.Explosion, 25_000, TimePrecision.Week), (rows["XYZ101"].Category, rows["XYZ101"].LocationPrecisionM, rows["XYZ101"].TimePrecision));
        Assert.Equal((Category.CivilianHarm, 2, 150_000, TimePrecision.Month), (rows["XYZ102"].Category, rows["XYZ102"].CiviliansKilled, rows["XYZ102"].LocationPrecisionM, rows["XYZ102"].TimePrecision));
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero), rows["XYZ102"].ObservedFrom);
        Assert.Contains("one \"missing\"", rows["XYZ102"].Narrative, StringComparison.Ordinal);
        Assert.Equal(Category.Other, rows["XYZ103"].Category);
        Assert.Equal("geo_precision=3;time_precision=3", rows["XYZ102"].SourcePrecision);
        Assert.Equal("Hilltown", rows["XYZ100"].AreaName);
    }
}
