using Truce.Handovers;

namespace Truce.Core.Tests.Handovers;

public sealed class HandoverStateTests
{
    [Theory]
    [InlineData(HandoverState.Planned, HandoverState.Ready, true)]
    [InlineData(HandoverState.Planned, HandoverState.Postponed, true)]
    [InlineData(HandoverState.Planned, HandoverState.InProgress, false)]
    [InlineData(HandoverState.Planned, HandoverState.Completed, false)]
    [InlineData(HandoverState.Ready, HandoverState.InProgress, true)]
    [InlineData(HandoverState.Ready, HandoverState.Planned, true)]
    [InlineData(HandoverState.Ready, HandoverState.Completed, false)]
    [InlineData(HandoverState.InProgress, HandoverState.Completed, true)]
    [InlineData(HandoverState.InProgress, HandoverState.Postponed, true)]
    [InlineData(HandoverState.InProgress, HandoverState.Planned, false)]
    [InlineData(HandoverState.Postponed, HandoverState.Planned, true)]
    [InlineData(HandoverState.Postponed, HandoverState.Completed, false)]
    [InlineData(HandoverState.Completed, HandoverState.Planned, false)]
    [InlineData(HandoverState.Completed, HandoverState.Postponed, false)]
    [InlineData(HandoverState.Ready, HandoverState.Ready, false)]
    public void Only_the_planned_moves_are_legal(HandoverState from, HandoverState to, bool legal) =>
        Assert.Equal(legal, from.CanMove(to));

    [Fact]
    public void A_completed_handover_moves_no_further() => Assert.Empty(HandoverState.Completed.Next());
}
