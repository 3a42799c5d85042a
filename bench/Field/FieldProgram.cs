using System.CommandLine;

namespace Truce.Bench.Field;

/// <summary>
/// dotnet run -c Release --project bench/Field -- [--reports 1000] [--photos 200] [--photo-bytes 150000] [--latency-ms 300]
/// [--down-kbps 1440] [--up-kbps 675] [--quick]. Needs Chromium (TRUCE_CHROMIUM, else /usr/bin/chromium).
/// </summary>
internal static class FieldProgram
{
    public static async Task<int> Main(string[] args)
    {
        var reports = new Option<int?>("--reports") { Description = "Reports in the outbox (default 1000)." };
        var photos = new Option<int?>("--photos") { Description = "How many of them carry one photo (default 200)." };
        var photoBytes = new Option<int?>("--photo-bytes") { Description = "Size of each photo in bytes (default 150000)." };
        var latency = new Option<double?>("--latency-ms") { Description = "Latency added to each request, ms (default 300)." };
        var down = new Option<double?>("--down-kbps") { Description = "Download throughput, kbit/s (default 1440)." };
        var up = new Option<double?>("--up-kbps") { Description = "Upload throughput, kbit/s (default 675)." };
        var quick = new Option<bool>("--quick") { Description = "50 reports, 10 photos: shows the run works." };
        var root = new RootCommand("Field benchmark: syncing the field client's outbox over a slow mobile link, against the same uploads one by one.")
        {
            Options = { reports, photos, photoBytes, latency, down, up, quick },
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = parse.GetValue(quick) ? FieldOptions.Quick : FieldOptions.Standard;
            var options = new FieldOptions(
                Math.Clamp(parse.GetValue(reports) ?? defaults.Reports, 1, 100_000),
                Math.Max(0, parse.GetValue(photos) ?? defaults.Photos),
                Math.Clamp(parse.GetValue(photoBytes) ?? defaults.PhotoBytes, 1, 50_000_000),
                parse.GetValue(latency) ?? defaults.LatencyMs,
                parse.GetValue(down) is { } d ? d * 1000 / 8 : defaults.DownloadBytesPerSecond,
                parse.GetValue(up) is { } u ? u * 1000 / 8 : defaults.UploadBytesPerSecond);
            options = options with { Photos = Math.Min(options.Photos, options.Reports) };
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; {options.Reports} reports, {options.Photos} photos of {options.PhotoBytes} bytes; link: +{options.LatencyMs} ms a request, {options.DownloadBytesPerSecond * 8 / 1000} kbit/s down, {options.UploadBytesPerSecond * 8 / 1000} kbit/s up");
            var result = await FieldBenchmark.RunAsync(options, output, cancellationToken);
            // Timings never fail the run; a report or photo missing or stored twice does (exit 1).
            return result ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
