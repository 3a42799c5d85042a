using System.CommandLine;
using System.Text.Json;
using Truce.Access;
using Truce.Gazetteer;

namespace Truce.Cli;

/// <summary>`truce import geonames FILE` and `truce import geonames-alternates FILE`: GeoNames' dumps into the gazetteer.</summary>
internal static class GeoNamesImportRun
{
    public const string Main = "geonames";

    public const string Alternates = "geonames-alternates";

    public static async Task<int> RunAsync(ParseResult parse, string format, FileInfo path, bool json, CancellationToken cancellationToken)
    {
        var store = await CliStore.ReadyAsync(parse, TruceCli.Settings(parse), cancellationToken);
        using var progress = new ImportCommand.ProgressLine(parse.InvocationConfiguration.Error, path.Name);
        var result = format == Main
            ? await GeoNamesImport.PlacesAsync(store, Viewer.System, path.FullName, progress, cancellationToken)
            : await GeoNamesImport.AlternatesAsync(store, Viewer.System, path.FullName, progress, cancellationToken);
        progress.Done();
        if (result.Failure is { } refused)
        {
            return await CliStore.Refuse(parse, refused);
        }
        var summary = result.Value!;
        var output = parse.InvocationConfiguration.Output;
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                read = summary.Read,
                places = summary.Places,
                names = summary.Names,
                existing = summary.Existing,
                skipped = summary.Skipped,
                rejected = summary.Rejected,
                refused = summary.Refused,
                errors = summary.Errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }),
            }));
        }
        if (summary.Refused)
        {
            if (!json)
            {
                await CliStore.Refuse(parse, summary.ToFailure());
            }
            return ExitCodes.Refused;
        }
        if (!json)
        {
            await output.WriteLineAsync(
                $"Read {summary.Read} lines of {path.Name}: {summary.Places} places and {summary.Names} names added, {summary.Existing} already in the gazetteer, {summary.Skipped} passed over (links and codes).");
        }
        return ExitCodes.Ok;
    }
}
