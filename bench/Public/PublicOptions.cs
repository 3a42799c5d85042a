namespace Truce.Bench.Public;

/// <summary>How hard and how long each target is read; both bounds are capped, so a run always stops by itself.</summary>
internal sealed record PublicOptions(int Clients, TimeSpan Phase)
{
    public const int MaxClients = 256;

    public static readonly TimeSpan MaxPhase = TimeSpan.FromMinutes(2);

    public static PublicOptions Standard => new(32, TimeSpan.FromSeconds(10));

    /// <summary>Enough to show that every page answers 200 over keep-alive; CI runs this.</summary>
    public static PublicOptions Quick => new(2, TimeSpan.FromSeconds(1));

    public PublicOptions Capped() => new(
        Math.Clamp(Clients, 1, MaxClients),
        Phase <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : Phase > MaxPhase ? MaxPhase : Phase);

    /// <summary>The warm-up before each target: a tenth of the phase, so JIT and the cache's first build are paid outside it.</summary>
    public PublicOptions WarmUp => this with { Phase = Phase / 10 };
}
