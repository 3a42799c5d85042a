using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Import;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// Nobody's report is rewritten in place: an import updates only what an import of the same source wrote,
/// and refuses, naming the line, a row whose id is a report submitted through the API or another dataset's.
/// </summary>
public sealed class ImportOwnershipTests
{
    private static async Task<string> NarrativeAsync(TruceApp app, Guid id)
    {
        await using var db = app.Store.Open();
        return await db.Observations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Narrative).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_import_never_rewrites_a_report_submitted_through_the_API(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var report = Guid.NewGuid();
        var body = Json.Observation(report);
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);
        var rewrite = new Dictionary<string, string>
        {
            ["id"] = report.ToString(), ["narrative"] = "Nothing happened.", ["source"] = "Patrol A-1", ["civilians_killed"] = "12",
        };
        var csv = TruceFiles.Write(new Dictionary<string, string>(), rewrite);
        var geojson = TruceFiles.WriteGeoJson(rewrite);

        var fromCsv = await Cli.RunAsync("import", "truce", csv, "--db", app.Location.ConnectionString);
        var fromGeoJson = await Cli.RunAsync("import", "geojson", geojson, "--layout", "truce", "--db", app.Location.ConnectionString);
        var skipping = await Cli.RunAsync("import", "truce", csv, "--skip-invalid", "--db", app.Location.ConnectionString);

        Assert.Equal(3, fromCsv.ExitCode);
        Assert.Contains("line 3: id", fromCsv.Error, StringComparison.Ordinal);
        Assert.Contains("never rewrites a report", fromCsv.Error, StringComparison.Ordinal);
        Assert.Equal(3, fromGeoJson.ExitCode);
        Assert.Contains("never rewrites a report", fromGeoJson.Error, StringComparison.Ordinal);
        Assert.Equal(0, skipping.ExitCode);
        Assert.Contains("line 3: id", skipping.Error, StringComparison.Ordinal);
        Assert.Equal("Two explosions to the north-east.", await NarrativeAsync(app, report));
        var verify = await Cli.RunAsync("verify", "--db", app.Location.ConnectionString);
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_reimport_of_the_same_source_updates_and_another_source_is_refused(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var id = Guid.NewGuid();
        var first = TruceFiles.Write(new Dictionary<string, string> { ["id"] = id.ToString(), ["source"] = "Partner NGO" });
        var corrected = TruceFiles.Write(new Dictionary<string, string> { ["id"] = id.ToString(), ["source"] = "Partner NGO", ["narrative"] = "Corrected." });
        var other = TruceFiles.Write(new Dictionary<string, string> { ["id"] = id.ToString(), ["source"] = "Another NGO", ["narrative"] = "Hijacked." });

        Assert.Equal(0, (await Cli.RunAsync("import", "truce", first, "--db", app.Location.ConnectionString)).ExitCode);
        var update = await Cli.RunAsync("import", "truce", corrected, "--json", "--db", app.Location.ConnectionString);
        var refused = await Cli.RunAsync("import", "truce", other, "--db", app.Location.ConnectionString);

        Assert.True(update.ExitCode == 0, update.Error);
        Assert.Contains("\"updated\":1", update.Output, StringComparison.Ordinal);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("line 2: id", refused.Error, StringComparison.Ordinal);
        Assert.Contains("another source", refused.Error, StringComparison.Ordinal);
        Assert.Equal("Corrected.", await NarrativeAsync(app, id));
    }
}
