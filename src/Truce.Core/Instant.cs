namespace Truce;

/// <summary>
/// Instants are stored in UTC to the microsecond: PostgreSQL keeps no finer, and the journal's
/// hashes must match what either engine gives back.
/// </summary>
public static class Instant
{
    /// <summary>
    /// The first instant Truce accepts from a client, a form or an import. Wide enough for any record a mission
    /// keeps (conflict datasets start after 1945), and far enough from <see cref="DateTimeOffset.MinValue"/>
    /// that no period arithmetic (a previous period, a week before, a day after) can overflow.
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The end (exclusive) of the instants Truce accepts; see <see cref="Earliest"/>.</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsAccepted(DateTimeOffset value) => value >= Earliest && value < Latest;

    /// <summary>What a field error says of an instant outside the accepted range.</summary>
    public const string RangeMessage = "must be from 1900-01-01 up to 2200-01-01 (UTC).";

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider clock) => Normalize(clock.GetUtcNow());
}
