namespace Truce.Bench.Field;

/// <summary>
/// The outbox to sync and the link it goes over. The link is a slow mobile one, set through Chromium's network
/// emulation (CDP Network.emulateNetworkConditions): <see cref="LatencyMs"/> added to each request, and the throughputs
/// in bytes per second.
/// </summary>
public sealed record FieldOptions(int Reports, int Photos, int PhotoBytes, double LatencyMs, double DownloadBytesPerSecond, double UploadBytesPerSecond)
{
    /// <summary>The outbox: 1 000 reports, 200 of them with a 150 kB photo (a phone's photo sized for a poor link).</summary>
    public static readonly FieldOptions Standard = new(1_000, 200, 150_000, 300, 1_440_000 / 8.0, 675_000 / 8.0);

    /// <summary>Shows the run works: 50 reports, 10 photos, the same link.</summary>
    public static readonly FieldOptions Quick = Standard with { Reports = 50, Photos = 10 };
}
