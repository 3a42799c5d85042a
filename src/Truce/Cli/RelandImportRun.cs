using System.CommandLine;
using System.Text.Json;
using Truce.Access;
using Truce.Humanitarian;
using Truce.MineAction;

namespace Truce.Cli;

/// <summary>`truce import reland FILE`: the RELand landmine grid as a demonstration hazard layer.</summary>
internal static class RelandImportRun
{
    public const string Reland = "reland";

    public static async Task<int> RunAsync(ParseResult parse, FileInfo path, bool json, CancellationToken cancellationToken)
    {
        var store = await CliStore.ReadyAsync(parse, TruceCli.Settings(parse), cancellationToken);
        var result = await RelandImport.RunAsync(store, Viewer.System, path.FullName, cancellationToken);
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
                affected = summary.Affected,
                declaredFree = summary.DeclaredFree,
                noData = summary.NoData,
                existing = summary.Existing,
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
                $"Read {summary.Read} cells of {path.Name}: {summary.Affected} affected (confirmed), {summary.DeclaredFree} declared mine-free (cancelled), {summary.NoData} without data passed over, {summary.Existing} already imported.");
        }
        return ExitCodes.Ok;
    }
}
