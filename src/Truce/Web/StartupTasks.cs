using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Demo;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Before the server takes requests: bring the schema up to date, create the first administrator on an
/// empty store (its password printed once on a terminal, else written to an owner-only file), and load the demo when asked.
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
        if (!added.Succeeded)
        {
            return;
        }
        if (console.Interactive)
        {
            await console.Writer.WriteLineAsync($"""

                Created the first administrator. Sign in at /login as:
                  user:     admin
                  password: {password}
                This password is shown only now. Add other users with: truce user add NAME --role ROLE

                """);
            return;
        }
        // Standard output goes to a file or a service's journal, which others may read and which is kept: the password
        // goes to a file only the server's user can read, and the log says where, not what.
        var file = Path.Combine(settings.DataFolder, FirstAdministratorPasswordFile);
        await OwnerOnly.WriteAllTextAsync(file, $"user: admin\npassword: {password}\n", cancellationToken);
        LogFirstAdministrator(logger, file);
        await console.Writer.WriteLineAsync(
            $"Created the first administrator 'admin'; its password is in {file} (readable by this user only). Delete the file once you have signed in.");
    }

    /// <summary>Where the first administrator's password is written when no one is at a terminal to read it.</summary>
    public const string FirstAdministratorPasswordFile = "first-admin-password.txt";

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator 'admin'; its password is in {File}, readable by this user only")]
    private static partial void LogFirstAdministrator(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Engine} at {Location}; {Applied} migration(s) applied")]
    private static partial void LogStore(ILogger logger, Engine engine, string location, int applied);
}
