using Truce.Access;

namespace Truce.Hotline;

/// <summary>The escalation of a message, derived from its deadline, its acknowledgement and the time: nothing else is state.</summary>
public static class EscalationRules
{
    /// <summary>
    /// 0 while the deadline has not lapsed (or the message was acknowledged in time); 1 once it lapsed; one more per
    /// <paramref name="repeat"/> after that, until it is acknowledged, when the level stops where it was.
    /// </summary>
    public static int Level(DateTimeOffset dueAt, DateTimeOffset? acknowledgedAt, DateTimeOffset now, TimeSpan repeat)
    {
        var until = acknowledgedAt is { } ack && ack < now ? ack : now;
        if (until < dueAt)
        {
            return 0;
        }
        var overdue = until - dueAt;
        return 1 + (repeat <= TimeSpan.Zero ? 0 : (int)Math.Min(1000, overdue.Ticks / repeat.Ticks));
    }

    /// <summary>When a level was reached.</summary>
    public static DateTimeOffset ReachedAt(DateTimeOffset dueAt, int level, TimeSpan repeat) => dueAt + (repeat * (level - 1));

    /// <summary>The first lapse goes to the analysts on duty; every later one to the mission's administrators as well.</summary>
    public static Role EscalatedTo(int level) => level <= 1 ? Role.Analyst : Role.Administrator;
}
