using System.CommandLine;
using Truce.Mission;

namespace Truce.Cli;

/// <summary>`truce mission set`: the mission's name, exercise flag and boundaries, as the page frame and the map show them.</summary>
internal static class MissionCommand
{
    public static Command Create()
    {
        var name = new Option<string?>("--name") { Description = "The mission's name, shown at the top of every page." };
        var exercise = new Option<bool?>("--exercise") { Description = "true for a training exercise (every page then says so in a banner), false for a real mission." };
        var boundaries = new Option<FileInfo>("--boundaries") { Description = "A GeoJSON FeatureCollection file: the boundaries drawn under the map." };
        boundaries.AcceptExistingOnly();
        var set = new Command("set", "Set the mission's name, exercise flag or boundaries (journaled; what is not given is kept).") { name, exercise, boundaries };
        set.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(boundaries);
            var change = new MissionChange(parse.GetValue(name), parse.GetValue(exercise),
                file is null ? null : await File.ReadAllTextAsync(file.FullName, cancellationToken));
            if (change == new MissionChange())
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: give at least one of --name, --exercise, --boundaries.");
                return ExitCodes.Usage;
            }
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            await using var db = store.Open();
            var set = await MissionProfile.SetAsync(db, change, cancellationToken);
            if (set.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Mission: {set.Value!.Name}{(set.Value.Exercise ? " (exercise)" : "")}" + (file is null ? "." : $"; boundaries from {file.Name}."));
            return ExitCodes.Ok;
        });
        var command = new Command("mission", "The mission's own settings: set.");
        command.Subcommands.Add(set);
        return command;
    }
}
