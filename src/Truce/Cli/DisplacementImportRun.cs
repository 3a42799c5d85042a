using System.CommandLine;
using System.Text.Json;
using Truce.Access;
using Truce.Humanitarian;

namespace Truce.Cli;

/// <summary>`truce import idmc FILE` and `truce import unhcr FILE`: the shared displacement files into the register.</summary>
internal static class DisplacementImportRun
{
    public const string Idmc = "idmc";

    public const string Unhcr = "unhcr";

    public static async Task<int> RunAsync(ParseResult parse, string format, FileInfo path, Visibility visibility, bool json, CancellationToken cancellationToken)
    {
        var store = await CliStore.ReadyAsync(parse, TruceCli.Settings(parse), cancellationToken);
        var source = format == Idmc ? DisplacementSource.Idmc : DisplacementSource.Unhcr;
        var result = await DisplacementImport.RunAsync(store, Viewer.System, source, path.FullName, visibility, cancellationToken);
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
                imported = summary.Imported,
                existing = summary.Existing,
                skipped = summary.Skipped,
                refused = summary.Refused,
                errors = summary.Errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }),
            }));
        }
        if (summary.Refused)
        {
            if (!json)
            {
                await CliStore.Refuse(parse, RegisterTable.Refusal(summary.Errors));
            }
            return ExitCodes.Refused;
        }
        if (!json)
        {
            await output.WriteLineAsync(
                $"Read {summary.Read} rows of {path.Name}: {summary.Imported} figures added, {summary.Existing} already in the register, {summary.Skipped} passed over (no figure).");
        }
        return ExitCodes.Ok;
    }
}
