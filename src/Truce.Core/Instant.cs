namespace Truce;

/// <summary>
/// Instants are stored in UTC to the microsecond: PostgreSQL keeps no finer, and the journal's
/// hashes must match what either engine gives back.
/// </summary>
public static class Instant
{
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider clock) => Normalize(clock.GetUtcNow());
}
