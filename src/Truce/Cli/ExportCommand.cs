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
        var command = new Command("export", "Export the observations, streamed, in Truce's own layout.") { format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            await using var db = store.Open();
            var chosen = Slug.Parse<ExportFormat>(parse.GetValue(format)!);
            if (parse.GetValue(output) is { } file)
            {
                await using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
                await ObservationExport.WriteAsync(db, Viewer.System, chosen, writer, cancellationToken);
            }
            else
            {
                await ObservationExport.WriteAsync(db, Viewer.System, chosen, parse.InvocationConfiguration.Output, cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
