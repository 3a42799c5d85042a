using System.CommandLine;
using System.Text;
using Truce.Access;
using Truce.Export;
using Truce.Storage;

namespace Truce.Cli;

internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("FORMAT") { Description = "geojson, csv or hxl (CSV with an HXL hashtag row); `truce import` reads each back." };
        format.AcceptOnlyFromAmong([.. Slug.All<ExportFormat>()]);
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var register = new Option<string?>("--register") { Description = "Export this register instead of the observations (csv or hxl): displacement, services, hazardous_areas, assets, damage or projects." };
        register.AcceptOnlyFromAmong([.. Slug.All<Humanitarian.RegisterName>()]);
        var command = new Command("export", "Export the observations, streamed, in Truce's own layout, or a register (--register).") { format, output, register };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            await using var db = store.Open();
            var chosen = Slug.Parse<ExportFormat>(parse.GetValue(format)!);
            if (parse.GetValue(register) is not null && chosen == ExportFormat.Geojson)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: a register exports as csv or hxl.");
                return ExitCodes.Usage;
            }
            await using var file = parse.GetValue(output) is { } path ? new StreamWriter(path.FullName, append: false, new UTF8Encoding(false)) : null;
            var writer = file ?? parse.InvocationConfiguration.Output;
            if (parse.GetValue(register) is { } registerName)
            {
                await Humanitarian.RegisterExport.WriteAsync(db, Viewer.System, Slug.Parse<Humanitarian.RegisterName>(registerName), chosen == ExportFormat.Hxl, writer, cancellationToken);
            }
            else
            {
                await ObservationExport.WriteAsync(db, Viewer.System, chosen, writer, cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
