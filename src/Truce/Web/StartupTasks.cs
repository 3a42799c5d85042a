using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Demo;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Before the server takes requests: bring the schema up to date, create the first administrator on an
/// empty store (printing its password once), and load the demo when asked.
/// </summary>
internal sealed partial class StartupTasks(Store store, TruceSettings settings, StartupConsole console, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken);
        LogStore(logger, store.Location.Engine, store.Location.Redacted, applied.Count);
        await CreateFirstAdministrator(cancellationToken);
        if (settings.Demo)
        {
            var loaded = await DemoMission.LoadAsync(store, cancellationToken: cancellationToken);
            if (loaded)
            {
                await console.Writer.WriteLineAsync($"Loaded the demo mission: {DemoMission.Name}. Its events are invented; its places and boundaries are real.");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateFirstAdministrator(CancellationToken cancellationToken)
    {
        await using var db = store.Open();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var password = Users.NewPassword();
        var added = await Users.AddAsync(db, "admin", Role.Administrator, null, password, cancellationToken: cancellationToken);
        if (added.Succeeded)
        {
            await console.Writer.WriteLineAsync($"""

                Created the first administrator. Sign in at /login as:
                  user:     admin
                  password: {password}
                This password is shown only now. Add other users with: truce user add NAME --role ROLE

                """);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Engine} at {Location}; {Applied} migration(s) applied")]
    private static partial void LogStore(ILogger logger, Engine engine, string location, int applied);
}
