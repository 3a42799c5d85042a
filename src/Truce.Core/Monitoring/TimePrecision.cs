namespace Truce.Monitoring;

/// <summary>How well the time of an observation is known.</summary>
public enum TimePrecision
{
    Exact,
    Hour,
    Day,
    Week,
    Month,
}

public static class TimePrecisions
{
    /// <summary>The half-width of the uncertainty a precision stands for, used to widen time windows.</summary>
    public static TimeSpan Uncertainty(this TimePrecision precision) => precision switch
    {
        TimePrecision.Exact => TimeSpan.FromMinutes(5),
        TimePrecision.Hour => TimeSpan.FromHours(1),
        TimePrecision.Day => TimeSpan.FromDays(1),
        TimePrecision.Week => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(31),
    };
}
