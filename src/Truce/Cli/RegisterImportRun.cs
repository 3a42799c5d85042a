using System.CommandLine;
using System.Text.Json;
using Truce.Access;
using Truce.Humanitarian;

namespace Truce.Cli;

/// <summary>`truce import register FILE --register NAME` and `truce import hxl FILE --register NAME`: a register's CSV (the HXL form must carry its hashtag row).</summary>
internal static class RegisterImportRun
{
    public const string Csv = "register";

    public const string Hxl = "hxl";

    public static async Task<int> RunAsync(ParseResult parse, string format, FileInfo path, string? register, bool json, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse<RegisterName>(register, out var chosen))
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: --register is required with {format}: one of {Slug.Expected<RegisterName>()}.");
            return ExitCodes.Usage;
        }
        var store = await CliStore.ReadyAsync(parse, TruceCli.Settings(parse), cancellationToken);
        var result = await RegisterImport.RunAsync(store, Viewer.System, chosen, path.FullName, requireTags: format == Hxl, cancellationToken);
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
                imported = summary.Added,
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
            await output.WriteLineAsync($"Read {summary.Read} rows of {path.Name} into the {Slug.Of(chosen)} register: {summary.Added} added, {summary.Existing} already there.");
        }
        return ExitCodes.Ok;
    }
}
