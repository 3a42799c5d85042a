using Truce.Access;
using Truce.Hotline;

namespace Truce.Core.Tests.Hotline;

public sealed class EscalationRulesTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Repeat = TimeSpan.FromHours(4);

    [Theory]
    [InlineData(-60, 0)] // an hour before the deadline
    [InlineData(0, 1)] // the deadline itself has lapsed
    [InlineData(60, 1)]
    [InlineData(239, 1)]
    [InlineData(240, 2)] // one repeat interval later
    [InlineData(600, 3)]
    public void An_unacknowledged_message_escalates_at_its_deadline_and_again_every_interval(int minutesAfterDue, int level)
    {
        Assert.Equal(level, EscalationRules.Level(Due, null, Due.AddMinutes(minutesAfterDue), Repeat));
    }

    [Fact]
    public void A_message_acknowledged_in_time_never_escalates()
    {
        Assert.Equal(0, EscalationRules.Level(Due, Due.AddMinutes(-1), Due.AddDays(3), Repeat));
    }

    [Fact]
    public void Acknowledging_a_lapsed_message_stops_its_level_where_it_was()
    {
        // Acknowledged 5 h after the deadline (level 2); two days later it is still level 2, not 13.
        Assert.Equal(2, EscalationRules.Level(Due, Due.AddHours(5), Due.AddDays(2), Repeat));
    }

    [Fact]
    public void The_first_lapse_goes_to_the_analysts_and_later_ones_to_the_administrators()
    {
        Assert.Equal(Role.Analyst, EscalationRules.EscalatedTo(1));
        Assert.Equal(Role.Administrator, EscalationRules.EscalatedTo(2));
        Assert.Equal(Due.AddHours(8), EscalationRules.ReachedAt(Due, 3, Repeat));
    }

    [Fact]
    public void Each_kind_has_its_own_deadline_by_default()
    {
        var d = HotlineDeadlines.Default;
        Assert.Equal(TimeSpan.FromHours(2), d.For(MessageKind.Protest));
        Assert.Equal(TimeSpan.FromHours(6), d.For(MessageKind.Inquiry));
        Assert.Equal(TimeSpan.FromHours(24), d.For(MessageKind.Notice));
        Assert.Equal(TimeSpan.FromHours(24), d.For(MessageKind.Reply));
    }
}
