using Microsoft.Extensions.Configuration;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Cli;

/// <summary>
/// Truce's settings, read the ASP.NET Core way: appsettings.json, then TRUCE_-prefixed environment
/// variables (TRUCE_DB, TRUCE_DATA, TRUCE_EVIDENCE__MAXBYTES), then command-line flags.
/// </summary>
internal sealed record TruceSettings(StoreLocation Store, bool Demo, string? TileUrl, long EvidenceMaxBytes, int PublicPrecisionM, string JournalKeyPath)
{
    public static TruceSettings From(IConfiguration configuration) => new(
        StoreLocation.Resolve(configuration["Db"], configuration["Data"]),
        configuration.GetValue("Demo", false),
        string.IsNullOrWhiteSpace(configuration["TileUrl"]) ? null : configuration["TileUrl"],
        configuration.GetValue("Evidence:MaxBytes", Evidence.DefaultMaxBytes),
        configuration.GetValue("Public:PrecisionM", Truce.Storage.Store.DefaultPublicPrecisionM),
        Path.GetFullPath(configuration["JournalKey"] is { Length: > 0 } key
            ? key
            : Path.Combine(string.IsNullOrWhiteSpace(configuration["Data"]) ? StoreLocation.DefaultDataFolder : configuration["Data"]!, "journal-signing.key")));

    /// <summary>The configuration a command-line verb sees: the same sources as the server, in the same order.</summary>
    public static IConfiguration Load(IDictionary<string, string?> flags) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("TRUCE_")
            .AddInMemoryCollection(flags)
            .Build();
}
