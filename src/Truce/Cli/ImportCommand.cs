using System.CommandLine;
using System.Text.Json;
using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Cli;

internal static class ImportCommand
{
    private static readonly string[] Formats = ["ucdp", "acled", "geojson", "truce", GeoNamesImportRun.Main, GeoNamesImportRun.Alternates, DisplacementImportRun.Idmc, DisplacementImportRun.Unhcr, RegisterImportRun.Csv, RegisterImportRun.Hxl, RelandImportRun.Reland];

    public static Command Create()
    {
        var format = new Argument<string>("FORMAT") { Description = "ucdp (UCDP GED CSV), acled (ACLED CSV), geojson (a FeatureCollection of points), truce (a `truce export csv|hxl` file); geonames (GeoNames' main table) or geonames-alternates (alternateNamesV2) into the gazetteer; idmc (IDMC GIDD or IDU CSV) or unhcr (UNHCR solutions CSV) into the displacement register; register or hxl (a register's CSV, hxl with its HXL hashtag row) with --register; reland (the RELand landmine grid) as hazardous areas." };
        format.AcceptOnlyFromAmong(Formats);
        var file = new Argument<FileInfo>("FILE") { Description = "The file to import." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the good rows and report the bad ones (by default a file with any bad row imports nothing)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on standard output: read, imported, updated, unchanged, rejected and each error's line and field." };
        var visibility = new Option<string>("--visibility") { Description = "Who may read the imported observations: internal (default), parties or public.", DefaultValueFactory = _ => "internal" };
        visibility.AcceptOnlyFromAmong([.. Slug.All<Visibility>()]);
        var source = new Option<string?>("--source") { Description = "The source the observations are recorded under (default: the dataset, such as \"UCDP GED\")." };
        var layout = new Option<string>("--layout") { Description = "geojson only: whose property names the features carry: ucdp (default, UCDP's GeoJSON export), acled or truce.", DefaultValueFactory = _ => "ucdp" };
        layout.AcceptOnlyFromAmong([.. EventLayout.All.Select(l => l.Name)]);
        var register = new Option<string?>("--register") { Description = "register and hxl only: which register the file is: displacement, services, hazardous_areas, assets, damage or projects." };
        var map = new Option<string[]>("--map") { Description = "geojson only: COLUMN=PROPERTY, read the layout's column from another property name (repeatable).", AllowMultipleArgumentsPerToken = true };

        var command = new Command("import", "Import a dataset's events as observations, each joining an incident; a re-import updates, never duplicates.")
        {
            format, file, skipInvalid, json, visibility, source, layout, map, register,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"error: {path.FullName} does not exist.");
                return ExitCodes.Error;
            }
            var chosen = parse.GetValue(format)!;
            if (chosen is GeoNamesImportRun.Main or GeoNamesImportRun.Alternates)
            {
                return await GeoNamesImportRun.RunAsync(parse, chosen, path, parse.GetValue(json), cancellationToken);
            }
            if (chosen is DisplacementImportRun.Idmc or DisplacementImportRun.Unhcr)
            {
                var given = parse.GetResult(visibility) is { Implicit: false } ? Slug.Parse<Visibility>(parse.GetValue(visibility)!) : Visibility.Public;
                return await DisplacementImportRun.RunAsync(parse, chosen, path, given, parse.GetValue(json), cancellationToken);
            }
            if (chosen is RegisterImportRun.Csv or RegisterImportRun.Hxl)
            {
                return await RegisterImportRun.RunAsync(parse, chosen, path, parse.GetValue(register), parse.GetValue(json), cancellationToken);
            }
            if (chosen is RelandImportRun.Reland)
            {
                return await RelandImportRun.RunAsync(parse, path, parse.GetValue(json), cancellationToken);
            }
            var eventLayout = EventLayout.Named(chosen == "geojson" ? parse.GetValue(layout) : chosen)!;
            var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                if (pair.Split('=', 2) is not [var column, var property] || !eventLayout.Columns.Contains(column))
                {
                    await error.WriteLineAsync($"error: --map {pair}: expected COLUMN=PROPERTY with COLUMN one of {string.Join(", ", eventLayout.Columns)}.");
                    return ExitCodes.Usage;
                }
                mapping[column] = property;
            }
            var sourceName = parse.GetValue(source) ?? eventLayout.DefaultSource;

            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            var options = new ImportOptions(Slug.Parse<Visibility>(parse.GetValue(visibility)!), parse.GetValue(skipInvalid));
            using var progress = new ProgressLine(error, path.Name);
            var result = await Importer.RunAsync(store, Viewer.System,
                now => chosen == "geojson"
                    ? GeoJsonEvents.Read(path.FullName, eventLayout, mapping, sourceName, now)
                    : CsvEvents.Read(path.FullName, eventLayout, sourceName, now),
                options, progress, cancellationToken);
            progress.Done();
            if (result.Failure is { } refused)
            {
                return await CliStore.Refuse(parse, refused);
            }
            var summary = result.Value!;
            if (parse.GetValue(json))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(Json(summary)));
            }
            else if (!summary.Refused)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"Read {summary.Read} rows of {path.Name}: {summary.Imported} imported, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Rejected} rejected.");
            }
            if (summary.Refused || summary.Rejected > 0)
            {
                if (!parse.GetValue(json))
                {
                    await CliStore.Refuse(parse, summary.ToFailure());
                }
                return summary.Refused ? ExitCodes.Refused : ExitCodes.Ok;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Json(ImportSummary s) => new
    {
        read = s.Read,
        imported = s.Imported,
        updated = s.Updated,
        unchanged = s.Unchanged,
        rejected = s.Rejected,
        refused = s.Refused,
        errors = s.Errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }),
    };

    /// <summary>
    /// On a terminal, one line on standard error that updates in place; otherwise (a log, a pipe, a test)
    /// a plain line each time the importer reports, every <see cref="Importer.ProgressEvery"/> rows.
    /// </summary>
    internal sealed class ProgressLine(TextWriter error, string name) : IProgress<ImportProgress>, IDisposable
    {
        private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        private bool _drawn;

        public void Report(ImportProgress value)
        {
            var of = value.Total is { } total && total > 0 ? $" of {total} ({100 * value.Rows / total}%)" : "";
            var text = $"{name}: {value.Phase} {value.Rows} rows{of}";
            if (_terminal)
            {
                error.Write($"\r{text}\u001b[K");
                _drawn = true;
            }
            else
            {
                error.WriteLine(text);
            }
        }

        public void Done()
        {
            if (_drawn)
            {
                error.WriteLine();
                _drawn = false;
            }
        }

        public void Dispose() => Done();
    }
}
