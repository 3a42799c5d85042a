using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Truce.Access;
using Truce.Import;
using Truce.Journal;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Tests.Import;

namespace Truce.Tests.Journal;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// Every value is normalised once, before it is journaled and stored, so the journal and the row hold the
/// same value on either engine and a legitimate write can never make `truce verify` fail.
/// </summary>
public sealed class NormalisationTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Negative_zero_denormals_and_decomposed_text_through_the_API_leave_verify_passing(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var point = Guid.NewGuid();
        var observer = Guid.NewGuid();
        var tiny = Guid.NewGuid();
        // Written by hand: a serialiser might print -0.0 as 0. "-1e-400" underflows to -0 when parsed.
        var bodies = new[]
        {
            $$"""{"id":"{{point}}","observedAt":"2026-11-29T06:40:00Z","latitude":-0.0,"longitude":-1e-400,"category":"explosion","sensor":"heard","narrative":"S\u0327us\u0327a"}""",
            $$"""{"id":"{{observer}}","observedAt":"2026-11-29T06:40:00Z","observerLatitude":-0.0,"observerLongitude":-0.0,"bearingDeg":-0.0,"distanceM":500,"category":"explosion","sensor":"heard"}""",
            $$"""{"id":"{{tiny}}","observedAt":"2026-11-29T06:40:00Z","latitude":5e-324,"longitude":-2.2250738585072009e-308,"category":"explosion","sensor":"heard"}""",
        };
        foreach (var body in bodies)
        {
            var response = await monitor.PostAsync("/api/observations", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var verify = await Cli.RunAsync("verify", "--db", app.Location.ConnectionString);
        Assert.True(verify.ExitCode == 0, verify.Error);
        await using var db = app.Store.Open();
        var stored = await db.Observations.AsNoTracking().SingleAsync(o => o.Id == point);
        Assert.True(double.IsPositive(stored.Latitude) && stored.Latitude == 0, "latitude -0 is stored as +0");
        Assert.True(double.IsPositive(stored.Longitude) && stored.Longitude == 0, "longitude -1e-400 is stored as +0");
        Assert.Equal("\u015Eu\u015Fa", stored.Narrative);
        var journaled = await db.Journal.AsNoTracking().SingleAsync(j => j.Entity == "observations" && j.RecordKey == point.ToString());
        Assert.Contains("\"latitude\":0,", journaled.After, StringComparison.Ordinal);
        Assert.Contains("\"narrative\":\"\\u015Eu\\u015Fa\"", journaled.After, StringComparison.Ordinal);
        var fromObserver = await db.Observations.AsNoTracking().SingleAsync(o => o.Id == observer);
        Assert.True(double.IsPositive(fromObserver.BearingDeg!.Value), "bearing -0 is stored as +0");
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Negative_zero_through_an_import_leaves_verify_passing(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", store.Location.ConnectionString)).ExitCode);
        var path = TruceFiles.Write(new Dictionary<string, string>
        {
            ["latitude"] = "-0.0", ["longitude"] = "-0", ["narrative"] = "Şuşa",
        });

        var import = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);
        var verify = await Cli.RunAsync("verify", "--db", store.Location.ConnectionString);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.True(verify.ExitCode == 0, verify.Error);
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        var stored = await db.Observations.AsNoTracking().SingleAsync();
        Assert.True(double.IsPositive(stored.Latitude) && double.IsPositive(stored.Longitude));
        Assert.Equal("Şuşa".Normalize(NormalizationForm.FormC), stored.Narrative);
    }

    private static readonly double[] EdgeDoubles =
    [
        -0.0, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009E-308, -2.2250738585072014E-308, double.MaxValue, double.MinValue,
        1e-300, 0.1, 1.0 / 3, 46.123456789012345, 9007199254740993, -90, 180, 1e18, -1e18,
    ];

    private static readonly string[] EdgeTexts =
    [
        "", "e\u0301", "\u00e9", "S\u0327u\u0307", "\uFB01", "\u1100\u1161\u11A8", "\u212B", "🔥\u0301", "\"quoted\" \\ slash", "tab\tnew\nline", "\u200B",
        new string('x', 4000),
    ];

    private static readonly DateTimeOffset[] EdgeInstants =
    [
        DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.MinValue.AddTicks(1), DateTimeOffset.MaxValue.AddTicks(-1),
        DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 11, 29, 10, 0, 0, 123, 456, TimeSpan.FromHours(14)).AddTicks(7),
        new(9999, 12, 31, 10, 0, 0, TimeSpan.FromHours(-13)), new(1, 1, 1, 23, 0, 0, TimeSpan.FromHours(12)),
    ];

    private sealed record Values(double Latitude, double Longitude, double? Bearing, string Narrative, string? AreaName,
        DateTimeOffset From, DateTimeOffset To, int Count, int? ViewRange, long Length, bool Disabled, byte[] Content, bool Bulk);

    private static Arbitrary<Values> EdgeValues()
    {
        var number = Gen.OneOf(Gen.Elements(EdgeDoubles), ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite));
        var text = Gen.OneOf(Gen.Elements(EdgeTexts),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !s.Contains('\0', StringComparison.Ordinal) && StoredValue.IsValidUnicode(s)));
        var instant = Gen.OneOf(Gen.Elements(EdgeInstants),
            Gen.Choose(0, int.MaxValue).Select(n => new DateTimeOffset(DateTimeOffset.MaxValue.Ticks / int.MaxValue * n, TimeSpan.Zero)));
        var whole = Gen.Elements(int.MinValue, int.MaxValue, -1, 0, 1);
        var length = Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L);
        return (from latitude in number
                from longitude in number
                from bearing in Gen.OneOf(number.Select(d => (double?)d), Gen.Constant((double?)null))
                from narrative in text
                from area in Gen.OneOf(text, Gen.Constant<string>(null!))
                from observedFrom in instant
                from observedTo in instant
                from count in whole
                from viewRange in Gen.OneOf(whole.Select(i => (int?)i), Gen.Constant((int?)null))
                from size in length
                from disabled in ArbMap.Default.GeneratorFor<bool>()
                from content in ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null)
                from bulk in ArbMap.Default.GeneratorFor<bool>()
                select new Values(latitude, longitude, bearing, narrative, area, observedFrom, observedTo, count, viewRange, size, disabled, content, bulk))
            .ToArbitrary();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_column_type_round_trips_store_read_and_journal_over_edge_values(Engine engine)
    {
        await using var test = await ScratchStore.CreateAsync(engine);
        var store = await test.MigratedAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)));

        var property = Prop.ForAll(EdgeValues(), values =>
        {
            var (observation, user, file) = Records(values);
            using (var db = store.Open())
            {
                if (values.Bulk)
                {
                    db.BulkInsertAsync([observation, user, file]).GetAwaiter().GetResult();
                }
                else
                {
                    db.AddRange(observation, user, file);
                    db.SaveChanges();
                }
            }
            using var read = store.Open();
            var back = read.Observations.AsNoTracking().Single(o => o.Id == observation.Id);
            var stored = new[] { back.Latitude, back.Longitude, back.BearingDeg ?? 1 }.All(d => !(d == 0 && double.IsNegative(d)))
                && back.Narrative.IsNormalized() && (back.AreaName?.IsNormalized() ?? true)
                && new[] { back.ObservedFrom, back.ObservedTo, back.ReceivedAt }.All(t => t.Offset == TimeSpan.Zero && t.Ticks % 10 == 0);
            if (!stored)
            {
                return false.Label($"not in stored form: {back.Latitude}, {back.Longitude}, {back.Narrative}, {back.ObservedFrom:O}");
            }
            foreach (var (record, key) in new (object, string)[]
                     {
                         (read.Observations.AsNoTracking().Single(o => o.Id == observation.Id), observation.Id.ToString("D")),
                         (read.Users.AsNoTracking().Single(u => u.Id == user.Id), user.Id.ToString("D")),
                         (read.EvidenceFiles.AsNoTracking().Single(f => f.Sha256 == file.Sha256), file.Sha256),
                     })
            {
                var shape = TruceDb.ShapeOf(read.Model.FindEntityType(record.GetType())!);
                var journaled = read.Journal.AsNoTracking().Where(j => j.Entity == shape.Table && j.RecordKey == key).Select(j => j.After).Single();
                var snapshot = TruceDb.Snapshot(shape, record);
                if (snapshot != journaled)
                {
                    return false.Label($"{shape.Table} {key} ({(values.Bulk ? "bulk" : "tracked")}): read back {snapshot}, journaled {journaled}");
                }
            }
            return (StateVerifier.FirstMismatchAsync(read).GetAwaiter().GetResult() is not { } mismatch).Label("verify");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(engine == Engine.Postgres ? 60 : 120), property);

        await using var final = store.Open();
        Assert.True((await JournalVerifier.VerifyAsync(final)).Holds);
        Assert.Null(await StateVerifier.FirstMismatchAsync(final));
    }

    private static (Observation, User, EvidenceFile) Records(Values v)
    {
        var observation = new Observation
        {
            Id = Guid.NewGuid(),
            ObservedFrom = v.From,
            ObservedTo = v.To,
            TimePrecision = TimePrecision.Exact,
            Latitude = v.Latitude,
            Longitude = v.Longitude,
            LocationPrecisionM = 100,
            AreaName = v.AreaName,
            BearingDeg = v.Bearing,
            Cell = "ubcu2xz",
            Category = Category.Explosion,
            Count = v.Count,
            Sensor = Sensor.Heard,
            ViewRangeM = v.ViewRange,
            Narrative = v.Narrative,
            Source = v.Narrative.Length > 200 ? v.Narrative[..200] : v.Narrative,
            Visibility = Visibility.Internal,
            ReceivedAt = v.To,
            SubmissionHash = new string('a', 64),
        };
        var user = new User
        {
            Id = Guid.NewGuid(),
            Name = "u" + Guid.NewGuid().ToString("N")[..12] + (v.AreaName is { Length: < 40 } a ? a : ""),
            Role = Role.Monitor,
            Organisation = v.AreaName,
            PasswordHash = v.Narrative,
            CreatedAt = v.From,
            LockedUntil = v.Disabled ? v.To : null,
            Disabled = v.Disabled,
        };
        var file = new EvidenceFile
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
            Length = v.Length,
            ContentType = "application/octet-stream",
            FileName = v.Narrative.Length > 200 ? v.Narrative[..200] : v.Narrative,
            Content = v.Content,
            ReceivedAt = v.From,
        };
        return (observation, user, file);
    }
}
