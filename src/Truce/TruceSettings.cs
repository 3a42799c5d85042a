using System.Globalization;
using Microsoft.Extensions.Configuration;
using Truce.Activities;
using Truce.Hotline;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce;

/// <summary>
/// Every setting of Truce and its default, read once the ASP.NET Core way: appsettings.json, then TRUCE_-prefixed
/// environment variables (TRUCE_DB, TRUCE_EVIDENCE__MAXBYTES), then command-line flags. The server registers the one
/// instance; the command-line verbs build it from the same sources. <see cref="Keys"/> is README.md's table.
/// </summary>
internal sealed record TruceSettings(
    StoreLocation Store,
    string DataFolder,
    string Urls,
    bool Demo,
    string? TileUrl,
    long EvidenceMaxBytes,
    long EvidenceMaxBytesPerUserPerDay,
    int PublicPrecisionM,
    int SignInsPerMinute,
    int SubmissionsPerMinute,
    int EvidencePerMinute,
    string JournalKeyPath,
    bool BenchEcho,
    bool PseudoLocale,
    HotlineDeadlines Hotline,
    LeadTimes LeadTimes,
    TimeSpan ClockSkewShown,
    int CommentsPerHour = TruceSettings.DefaultCommentsPerHour,
    WebhookTimings? Webhooks = null,
    double GridKm = TruceSettings.DefaultGridKm,
    int GridMinCount = TruceSettings.DefaultGridMinCount,
    TimeSpan AbandonedParts = default)
{
    /// <summary>The public map's cell edge, in kilometres: coarse enough that a cell never points at one source.</summary>
    public const double DefaultGridKm = 10;

    /// <summary>A public map cell with fewer verified incidents than this is not shown (its incidents are counted as "not placed").</summary>
    public const int DefaultGridMinCount = 3;

    /// <summary>How webhook deliveries are retried (<see cref="WebhookTimings.Default"/> unless configured).</summary>
    public WebhookTimings WebhookTimings => Webhooks ?? WebhookTimings.Default;

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>A password-guessing brake in front of the lockout, per client address.</summary>
    public const int DefaultSignInsPerMinute = 10;

    /// <summary>Per user: a stuck or hostile field client cannot flood the mission; a busy patrol stays far below it.</summary>
    public const int DefaultSubmissionsPerMinute = 1200;

    /// <summary>Per user: evidence uploads are costly to store and to scan; a patrol attaches a few photos per report.</summary>
    public const int DefaultEvidencePerMinute = 30;
    /// <summary>Per client address: plenty for a reader, little for a spammer (comments are moderated anyway).</summary>
    public const int DefaultCommentsPerHour = 20;

    private const string JournalKeyFile = "journal-signing.key";

    /// <summary>Hours after its last part an unfinished evidence upload is removed from DATA/uploads.</summary>
    public const double DefaultAbandonedPartHours = 48;

    /// <summary>A device clock off by more than this, in minutes, is shown to the analyst on the observation.</summary>
    public const int DefaultClockSkewMinutes = 5;

    /// <summary>Every key, its default and its meaning; a test holds README.md's Configuration table to it.</summary>
    public static IReadOnlyList<SettingKey> Keys { get; } =
    [
        new("Data", StoreLocation.DefaultDataFolder, "folder of the embedded SQLite store, the DataProtection keys and the journal key"),
        new("Db", "", "a PostgreSQL or SQLite connection string; overrides Data for the store"),
        new("Urls", DefaultUrls, "where `serve` listens"),
        new("Demo", "false", "load the demo mission into an empty store"),
        new("TileUrl", "", "an XYZ tile URL for the map"),
        new("Evidence:MaxBytes", Evidence.DefaultMaxBytes.ToString(CultureInfo.InvariantCulture), "largest evidence file accepted, in bytes"),
        new("Evidence:MaxBytesPerUserPerDay", Evidence.DefaultMaxBytesPerUserPerDay.ToString(CultureInfo.InvariantCulture), "evidence one user may upload in 24 hours, in bytes"),
        new("Public:PrecisionM", Storage.Store.DefaultPublicPrecisionM.ToString(CultureInfo.InvariantCulture), "the grid, in metres, published positions are coarsened to (0: exact)"),
        new("RateLimits:SignInsPerMinute", DefaultSignInsPerMinute.ToString(CultureInfo.InvariantCulture), "sign-in attempts per client address per minute (0: no limit)"),
        new("RateLimits:SubmissionsPerMinute", DefaultSubmissionsPerMinute.ToString(CultureInfo.InvariantCulture), "observations one user may submit per minute (0: no limit)"),
        new("RateLimits:EvidencePerMinute", DefaultEvidencePerMinute.ToString(CultureInfo.InvariantCulture), "evidence files one user may upload per minute (0: no limit)"),
        new("RateLimits:CommentsPerHour", DefaultCommentsPerHour.ToString(CultureInfo.InvariantCulture), "comments on public reports one client address may send per hour (0: no limit)"),
        new("JournalKey", $"DATA/{JournalKeyFile}", "the Ed25519 private key that signs journal exports"),
        // ASP.NET Core's own default; appsettings.json only quietens the framework's categories.
        new("Logging:LogLevel:Default", "Information", "log level"),
        new("Bench:Echo", "false", "benchmark only: maps POST /api/bench/echo and GET /api/bench/bench-static.html"),
        new("Languages:Pseudo", "false", "testing only: offers the pseudo-locale qps-ploc in the language switcher"),
        new("Hotline:AckHours:Notice", Hours(HotlineDeadlines.Default.Notice), "hours the addressed party has to acknowledge a notice"),
        new("Hotline:AckHours:Inquiry", Hours(HotlineDeadlines.Default.Inquiry), "hours to acknowledge an inquiry"),
        new("Hotline:AckHours:Protest", Hours(HotlineDeadlines.Default.Protest), "hours to acknowledge a protest"),
        new("Hotline:AckHours:Reply", Hours(HotlineDeadlines.Default.Reply), "hours to acknowledge a reply"),
        new("Hotline:RepeatHours", Hours(HotlineDeadlines.Default.Repeat), "hours after which a lapsed message escalates again while unacknowledged"),
        new("Activities:LeadHours:Rotation", Hours(LeadTimes.Default.Rotation), "hours before its start a rotation must be notified; less is late notice"),
        new("Activities:LeadHours:Exercise", Hours(LeadTimes.Default.Exercise), "the same for an exercise"),
        new("Activities:LeadHours:EngineeringWorks", Hours(LeadTimes.Default.EngineeringWorks), "the same for engineering works under a window of silence"),
        new("Activities:LeadHours:Demining", Hours(LeadTimes.Default.Demining), "the same for demining"),
        new("Activities:LeadHours:LiveFiring", Hours(LeadTimes.Default.LiveFiring), "the same for live firing"),
        new(Web.ClientAddress.KnownProxiesKey, "", "reverse proxies (IP addresses, comma-separated) whose X-Forwarded-For names the client; empty: none, the peer is the client"),
        new("Field:ClockSkewMinutes", DefaultClockSkewMinutes.ToString(CultureInfo.InvariantCulture), "a sending device's clock off by more than this many minutes is shown on the observation"),
        new("Webhooks:FirstRetrySeconds", Seconds(WebhookTimings.Default.FirstRetry), "seconds before a failed webhook delivery is tried again; each next wait doubles"),
        new("Webhooks:MaxDelaySeconds", Seconds(WebhookTimings.Default.MaxDelay), "the longest wait between two tries of a webhook delivery, in seconds"),
        new("Webhooks:MaxAttempts", WebhookTimings.Default.MaxAttempts.ToString(CultureInfo.InvariantCulture), "tries before a webhook delivery is given up (dead)"),
        new("Webhooks:TimeoutSeconds", Seconds(WebhookTimings.Default.Timeout), "seconds a receiver has to answer one webhook delivery"),
        new("Webhooks:LeaseSeconds", Seconds(WebhookTimings.Default.Lease), "seconds a node holds a claimed delivery before another node may take it (longer than the timeout)"),
        new("Webhooks:PollSeconds", Seconds(WebhookTimings.Default.Poll), "how often each node looks for due webhook deliveries, in seconds"),
        new("Public:GridKm", DefaultGridKm.ToString(CultureInfo.InvariantCulture), "the public map's cell edge, in kilometres"),
        new("Public:GridMinCount", DefaultGridMinCount.ToString(CultureInfo.InvariantCulture), "a public map cell with fewer verified incidents is not shown"),
        new("Field:AbandonedPartHours", DefaultAbandonedPartHours.ToString(CultureInfo.InvariantCulture), "hours after its last part an unfinished evidence upload (DATA/uploads) is removed"),
    ];

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds (fractions allowed); zero, negative or absent keeps the default.</summary>
    private static TimeSpan SecondsOf(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration.GetValue<double?>(key) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : fallback;

    private static WebhookTimings WebhookTimingsOf(IConfiguration configuration) => new(
        SecondsOf(configuration, "Webhooks:FirstRetrySeconds", WebhookTimings.Default.FirstRetry),
        SecondsOf(configuration, "Webhooks:MaxDelaySeconds", WebhookTimings.Default.MaxDelay),
        configuration.GetValue<int?>("Webhooks:MaxAttempts") is > 0 and var attempts ? attempts : WebhookTimings.Default.MaxAttempts,
        SecondsOf(configuration, "Webhooks:TimeoutSeconds", WebhookTimings.Default.Timeout),
        SecondsOf(configuration, "Webhooks:LeaseSeconds", WebhookTimings.Default.Lease),
        SecondsOf(configuration, "Webhooks:PollSeconds", WebhookTimings.Default.Poll));

    private static string Hours(TimeSpan span) => span.TotalHours.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration in hours (fractions allowed); zero, negative or absent keeps the default.</summary>
    private static TimeSpan HoursOf(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration.GetValue<double?>(key) is > 0 and var hours ? TimeSpan.FromHours(hours) : fallback;

    public static TruceSettings From(IConfiguration configuration)
    {
        var data = Path.GetFullPath(Text(configuration, "Data") ?? StoreLocation.DefaultDataFolder);
        return new TruceSettings(
            StoreLocation.Resolve(Text(configuration, "Db"), data),
            data,
            Text(configuration, "Urls") ?? DefaultUrls,
            configuration.GetValue("Demo", false),
            Text(configuration, "TileUrl"),
            configuration.GetValue("Evidence:MaxBytes", Evidence.DefaultMaxBytes),
            configuration.GetValue("Evidence:MaxBytesPerUserPerDay", Evidence.DefaultMaxBytesPerUserPerDay),
            configuration.GetValue("Public:PrecisionM", Storage.Store.DefaultPublicPrecisionM),
            configuration.GetValue("RateLimits:SignInsPerMinute", DefaultSignInsPerMinute),
            configuration.GetValue("RateLimits:SubmissionsPerMinute", DefaultSubmissionsPerMinute),
            configuration.GetValue("RateLimits:EvidencePerMinute", DefaultEvidencePerMinute),
            Path.GetFullPath(Text(configuration, "JournalKey") ?? Path.Combine(data, JournalKeyFile)),
            configuration.GetValue("Bench:Echo", false),
            configuration.GetValue("Languages:Pseudo", false),
            new HotlineDeadlines(
                HoursOf(configuration, "Hotline:AckHours:Notice", HotlineDeadlines.Default.Notice),
                HoursOf(configuration, "Hotline:AckHours:Inquiry", HotlineDeadlines.Default.Inquiry),
                HoursOf(configuration, "Hotline:AckHours:Protest", HotlineDeadlines.Default.Protest),
                HoursOf(configuration, "Hotline:AckHours:Reply", HotlineDeadlines.Default.Reply),
                HoursOf(configuration, "Hotline:RepeatHours", HotlineDeadlines.Default.Repeat)),
            new LeadTimes(
                HoursOf(configuration, "Activities:LeadHours:Rotation", LeadTimes.Default.Rotation),
                HoursOf(configuration, "Activities:LeadHours:Exercise", LeadTimes.Default.Exercise),
                HoursOf(configuration, "Activities:LeadHours:EngineeringWorks", LeadTimes.Default.EngineeringWorks),
                HoursOf(configuration, "Activities:LeadHours:Demining", LeadTimes.Default.Demining),
                HoursOf(configuration, "Activities:LeadHours:LiveFiring", LeadTimes.Default.LiveFiring)),
            TimeSpan.FromMinutes(configuration.GetValue("Field:ClockSkewMinutes", DefaultClockSkewMinutes)),
            configuration.GetValue("RateLimits:CommentsPerHour", DefaultCommentsPerHour),
            WebhookTimingsOf(configuration),
            configuration.GetValue<double?>("Public:GridKm") is > 0 and var gridKm ? gridKm : DefaultGridKm,
            Math.Max(1, configuration.GetValue("Public:GridMinCount", DefaultGridMinCount)),
            HoursOf(configuration, "Field:AbandonedPartHours", TimeSpan.FromHours(DefaultAbandonedPartHours)));
    }

    /// <summary>A text setting; empty or blank counts as not given.</summary>
    private static string? Text(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

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
