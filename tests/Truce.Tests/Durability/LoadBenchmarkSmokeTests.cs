using Truce.Bench.Load;
using Truce.Storage;

namespace Truce.Tests.Durability;

/// <summary>The load benchmark's quick mode: it measures nothing here, but must run end to end and lose nothing.</summary>
public sealed class LoadBenchmarkSmokeTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_quick_load_run_completes_and_every_acknowledged_observation_is_journaled(Engine engine)
    {
        var postgres = engine == Engine.Postgres ? TestEnvironment.RequirePostgres() : null;
        using var log = new StringWriter();

        var report = await LoadBenchmark.RunAsync(postgres, LoadOptions.Quick, log, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        Assert.Equal(engine, report.Engine);
        Assert.True(report.Ceiling.Succeeded > 0, log.ToString());
        Assert.True(report.Acknowledged > 0, log.ToString());
        Assert.Equal(0, report.Submit.Failed);
        Assert.Equal(0, report.AcknowledgedMissing);
        Assert.Equal(report.Acknowledged, report.Stored);
        Assert.Equal(report.Acknowledged, report.Journaled);
        Assert.True(report.VerifyExitCode == 0, report.VerifyOutput);
    }
}
