using System.Diagnostics;
using System.Globalization;
using Truce.Bench.Corroboration;

// bench-corroboration [--n 100000] [--eps-km 0.5] [--min-pts 5] [--csv points.csv] [--out DIR] [--no-sklearn] [--python python3]
// Clusters the points with Truce's DBSCAN mode, then (unless --no-sklearn) runs dbscan.py, which times scikit-learn's
// DBSCAN (haversine, ball tree) on the same points and computes the adjusted Rand index against Truce's labels.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
var n = int.Parse(Option("n", "100000"), CultureInfo.InvariantCulture);
var epsKm = double.Parse(Option("eps-km", "0.5"), CultureInfo.InvariantCulture);
var minPts = int.Parse(Option("min-pts", "5"), CultureInfo.InvariantCulture);
var output = Directory.CreateDirectory(Option("out", Path.Combine(Path.GetTempPath(), "truce-bench-corroboration"))).FullName;

var points = options.TryGetValue("csv", out var csv) ? Points.ReadCsv(csv) : Points.Synthetic(n);
Console.WriteLine($"points: {points.Count:N0} ({(csv is null ? "synthetic, seeded" : csv)}), eps {epsKm} km, minPts {minPts}, {Environment.ProcessorCount} cores");

Dbscan.Cluster(points.Latitudes[..Math.Min(points.Count, 2000)], points.Longitudes[..Math.Min(points.Count, 2000)], epsKm, minPts); // warm-up (JIT)
var clock = Stopwatch.StartNew();
var labels = Dbscan.Cluster(points.Latitudes, points.Longitudes, epsKm, minPts);
var truceSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"truce dbscan: {truceSeconds:F3} s, {labels.Max() + 1:N0} clusters, {labels.Count(l => l < 0):N0} noise"));

var pointsCsv = Path.Combine(output, "points.csv");
var labelsCsv = Path.Combine(output, "truce-labels.csv");
points.WriteCsv(pointsCsv);
File.WriteAllLines(labelsCsv, labels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
if (options.ContainsKey("no-sklearn"))
{
    return 0;
}
var script = Path.Combine(AppContext.BaseDirectory, "dbscan.py");
var python = Process.Start(new ProcessStartInfo(Option("python", "/usr/bin/python3"), [script, pointsCsv, labelsCsv, epsKm.ToString("R", CultureInfo.InvariantCulture), minPts.ToString(CultureInfo.InvariantCulture)])
{
    RedirectStandardOutput = true,
})!;
var report = await python.StandardOutput.ReadToEndAsync();
await python.WaitForExitAsync();
Console.Write(report);
var sklearnSeconds = report.Split('\n').Where(l => l.StartsWith("sklearn fit:", StringComparison.Ordinal))
    .Select(l => double.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture)).FirstOrDefault();
if (sklearnSeconds > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: truce is {sklearnSeconds / truceSeconds:F1}x faster than scikit-learn"));
}
return python.ExitCode;
